import { describe, expect, it } from "vitest";
import { SystemError, UserError } from "../../domain/errors.ts";
import { scriptedClient } from "../scripted-client.ts";
import { replayErrorIn, surfaceReplayErrors } from "./surface.ts";

const missing = new UserError("recording_missing", "re-record needed");
/** What the SDKs throw when fetch fails: a connection error whose cause is the fetch's error. */
const wrapped = Object.assign(new Error("Connection error."), {
  cause: Object.assign(new Error("x"), { cause: missing }),
});

describe("surfaceReplayErrors", () => {
  it("rethrows a replay error found in the cause chain instead of the SDK's connection error", async () => {
    const client = surfaceReplayErrors(scriptedClient([wrapped]));
    await expect(client.chat({ messages: [] })).rejects.toBe(missing);
  });

  it("leaves every other error alone", async () => {
    const other = new SystemError("model_unavailable", "down", { cause: new UserError("user_thing", "no") });
    await expect(surfaceReplayErrors(scriptedClient([other])).chat({ messages: [] })).rejects.toBe(other);
    expect(replayErrorIn(new Error("plain"))).toBeNull();
  });
});
