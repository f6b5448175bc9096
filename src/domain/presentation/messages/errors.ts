/** Every error message and hint the domain, the store and the app raise, in Korean and English. */

export const ko = {
} as const;

export const en: Record<keyof typeof ko, string> = {
};
