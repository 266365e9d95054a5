import { getMetadataStorage } from "type-graphql";

/**
 * Puts each resolver's parameters back in the order the code declares them, so that the
 * schema lists `updateRepresentation(id, version, changes)`, not `(changes, version, id)`.
 *
 * Why they were reversed: TypeScript applies a method's parameter decorators from the
 * last parameter to the first, and type-graphql records each `@Arg` as its decorator runs
 * and emits the arguments in that recorded order (MichalLytek/type-graphql#442). Each
 * record keeps its parameter's index, so a stable sort by index restores the declared
 * order; calls are unaffected, since type-graphql passes arguments by that same index.
 * Runs before every schema build (building reads the records afresh).
 */
export function declareArgumentsInOrder(): void {
  getMetadataStorage().params.sort((a, b) => a.index - b.index);
}
