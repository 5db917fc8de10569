"""Eight threads at once on every function: each gets the answer one
thread alone gets (validate and the text form run without the GIL)."""

import threading

import genvm_calldata as gc

THREADS = 8


def test_eight_threads_at_once():
    value = [{"id": i, "name": f"user-{i}", "owner": gc.Address(bytes([i % 256]) * 20), "balance": 2**100 + i,
              "tags": ["tag", -i, None], "blob": bytes([i % 256]) * 32} for i in range(3000)]
    data = gc.encode(value)
    text = gc.to_text(data)
    bad = data[:-1]

    def bad_verdict():
        try:
            gc.validate(bad)
        except gc.CalldataError as error:
            return error.kind, error.offset
        return None

    expected = {"decode": value, "encode": data, "to_text": text, "from_text": data, "validate": None,
                "bad": bad_verdict()}
    assert expected["bad"] is not None
    barrier = threading.Barrier(THREADS)
    results = [None] * THREADS

    def work(index):
        barrier.wait()
        outcome = {}
        for _ in range(5):
            outcome = {"decode": gc.decode(data), "encode": gc.encode(value), "to_text": gc.to_text(data),
                       "from_text": gc.from_text(text), "validate": gc.validate(data), "bad": bad_verdict()}
        results[index] = outcome

    threads = [threading.Thread(target=work, args=(index,)) for index in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [expected] * THREADS
