import { createDataSource, type DatabaseConfig } from "../../../platform/src/database";
import { entities } from "./entities";
import { migrations } from "./migrations";

export function createDirectoryDataSource(config: DatabaseConfig) {
  return createDataSource(config, { owner: "directory", entities, migrations });
}
