import { createDataSource, type DatabaseConfig } from "../../shared/src/database";
import { entities } from "./entities";
import { migrations } from "./migrations";

export function createDirectoryDataSource(config: DatabaseConfig) {
  return createDataSource(config, { owner: "directory", entities, migrations });
}
