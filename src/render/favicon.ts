/** The site icon: one small SVG, so no page makes the browser's failing /favicon.ico request. */
export const FAVICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="14" fill="#0b5cad"/><path d="M18 46V18h22v6H25v5h13v6H25v5h15v6z" fill="#fff"/></svg>`;
