// genlayer-js reads bytes past the end as `undefined` (taken as 0), so an
// array claiming 2^31 elements would run for 2^31 steps before its final
// "some data left" check refuses it. `bounded(bytes)` makes a read past the
// end throw instead: once past the end its index never comes back, so the
// verdict is the same, only sooner. Used by interop/peer.mjs and js/tests.
export function bounded(bytes) {
  return new Proxy(bytes, {
    get(target, key) {
      if (typeof key === "string" && /^[0-9]+$/.test(key) && Number(key) >= target.length) {
        throw new Error("read past the end");
      }
      const field = target[key];
      return typeof field === "function" ? field.bind(target) : field;
    },
  });
}
