// Used by jest only: strips TypeScript and turns TDesign's ES modules into CommonJS.
module.exports = {
  presets: [['@babel/preset-env', { targets: { node: 'current' } }], '@babel/preset-typescript'],
};
