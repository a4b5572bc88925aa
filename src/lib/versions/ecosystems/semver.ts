import { defineSemverFamily } from './semver-like';

/** Generic SemVer 2.0 ordering (also used for OSV SEMVER ranges). */
export const semver = defineSemverFamily('semver', {
  components: 3,
  lowerBuild: false,
  metadataOrders: false,
});
/** npm (node-semver ordering). */
export const npm = defineSemverFamily('npm', { components: 3, lowerBuild: false, metadataOrders: false });
/** crates.io (Cargo SemVer ordering). */
export const cratesIo = defineSemverFamily('crates.io', {
  components: 3,
  lowerBuild: false,
  metadataOrders: false,
});
/** Go modules (SemVer with a leading "v"). */
export const go = defineSemverFamily('Go', { components: 3, lowerBuild: false, metadataOrders: false });
/** Hex (Elixir/Erlang SemVer). */
export const hex = defineSemverFamily('Hex', { components: 3, lowerBuild: false, metadataOrders: false });
/** NuGet: four numeric components, case-insensitive pre-release. */
export const nuget = defineSemverFamily('NuGet', { components: 4, lowerBuild: true, metadataOrders: false });
/** Pub (Dart pub_semver): SemVer where "+build" metadata also orders. */
export const pub = defineSemverFamily('Pub', { components: 3, lowerBuild: false, metadataOrders: true });
