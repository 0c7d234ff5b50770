/** Display settings the user chooses: 关怀模式 (large text). */
export const display = {
  largeText: '关怀模式',
  largeTextDescription: '放大文字和按钮，更便于阅读和点按',
} as const;
