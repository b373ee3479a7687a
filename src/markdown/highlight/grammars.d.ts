/**
 * Types for grammars.js. highlight.js's own type file pulls in the DOM library
 * (`/// <reference lib="dom" />`), whose Response, BodyInit and CacheStorage clash with the Workers
 * runtime's types wherever the Worker's type check sees publish code (its tests publish). These two
 * functions are all the publisher uses, so they are declared here instead.
 */

/** Whether highlight.js has a grammar (or alias) of this name. */
export declare function hasGrammar(name: string): boolean;

/** `code` (plain text) as HTML with highlight.js's token classes, escaped. */
export declare function highlightWith(code: string, language: string): string;
