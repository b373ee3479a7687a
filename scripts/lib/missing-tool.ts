/** A checker that is not installed: the error says how to install it, and local runs may skip that check. */
export class MissingTool extends Error {}
