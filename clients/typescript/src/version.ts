/** This package's version, the project's one (VERSION at the repository root). */
export const VERSION = '0.1.0';
