import js from '@eslint/js';
import globals from 'globals';

// This package is plain JavaScript config; the type-checked presets it exports are for the others.
export default [js.configs.recommended, { languageOptions: { globals: globals.node } }];
