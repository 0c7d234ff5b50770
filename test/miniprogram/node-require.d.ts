// Page tests run on Node under jest: beside the mini program's `require` (miniprogram-api-typings
// declares it globally), the Node code they start (the local cloud, the build) reads `require.main`.
interface Require {
  main: NodeJS.Module | undefined;
}
