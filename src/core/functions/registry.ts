/**
 * The custom-function library, in the order README and autocomplete list them. Adding a function means
 * adding its module to library/ and one line here; the build, the HyperFormula plugin and the docs follow.
 */
import type { CustomFunction } from './define.js';
import { ROMI } from './library/romi.js';

export const CUSTOM_FUNCTIONS: readonly CustomFunction[] = [ROMI];
