// DESIGN.md: 0 diagnosed, 1 nothing found (not a bounce, or nothing matched
// --only), 2 usage error or unreadable input.
export const EXIT_DIAGNOSED = 0;
export const EXIT_NOTHING = 1;
export const EXIT_TROUBLE = 2;
