// The options that name one of the codec's lists: ABI generations
// (`abi`, `to`) and frame contexts (`context`). The names, their numbers
// and the defaults come from the module.
import * as wasm from "./wasm.js";

/** The names the module writes, one a line, and the number of the default it returns. */
function list(operation) {
  const index = operation();
  return { names: wasm.utf8Decoder.decode(wasm.outputView()).split("\n"), index };
}

const generations = list(wasm.exports.abi_generations);
const contexts = list(wasm.exports.frame_contexts);

function pick({ names, index: fallback }, name, what, required) {
  if (name === undefined && !required) return fallback;
  const index = typeof name === "string" ? names.indexOf(name) : -1;
  if (index >= 0) return index;
  const allowed = names.map((n) => JSON.stringify(n)).join(" or ");
  const message = `${what} must be ${allowed}, not ${typeof name === "string" ? JSON.stringify(name) : String(name)}`;
  throw typeof name === "string" ? new RangeError(message) : new TypeError(message);
}

/** The codec's number of the generation named `name` (`what` is the option); the default when undefined. */
export function generationOf(name, what, required = false) {
  return pick(generations, name, what, required);
}

/** The codec's number of the frame context named `name`; the default ("subvm") when undefined. */
export function contextOf(name) {
  return pick(contexts, name, "context", false);
}
