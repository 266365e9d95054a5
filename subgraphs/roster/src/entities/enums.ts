import { registerEnumType } from "type-graphql";

// Owned by the roster; in shared/ because the exchange reads it too (FocalPoint.role @external).
export { FocalPointRole } from "../../../kit/src/focal-point-role";

export enum FocalPointStatus {
  ACTIVE = "ACTIVE",
  ENDED = "ENDED",
}
registerEnumType(FocalPointStatus, { name: "FocalPointStatus" });
