export { type PromptNamer, promptNamer } from "./describe-prompt.ts";
export { type Fetch, type ReplayFetchOptions, replayFetch } from "./fetch.ts";
export { canonicalJson, type NormalisedRequest, normaliseRequest, requestKey } from "./key.ts";
export { DEFAULT_RECORDINGS_DIR, ReplayMode, type ReplaySettings } from "./mode.ts";
export { Recording, RequestSummary, readRecording, recordingPath, writeRecording } from "./recording.ts";
export { replayErrorIn, surfaceReplayErrors } from "./surface.ts";
