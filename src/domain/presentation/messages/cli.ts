/** Every word the command line prints for people (help, tables, summaries, notices of what it did), in Korean and English. */

export const ko = {
} as const;

export const en: Record<keyof typeof ko, string> = {
};
