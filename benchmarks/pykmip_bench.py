"""PyKMIP's own client (kmip.pie.client.ProxyKmipClient) under load: the twin of ClientLoad.java.

Usage: pykmip_bench.py LABEL HOST PORT CA CERT KEY OPS THREADS

Creates and activates one AES-256 key, then runs OPS Get calls and OPS Encrypt calls (32 bytes,
AES-GCM, server-chosen IV, 16-byte tag, sent as a raw payload because ProxyKmipClient.encrypt drops
the tag) spread over THREADS threads, each with its own connection, after a warm-up of OPS / 5 calls
of each. KMIP 1.4. Prints one line per operation: ops/s, median and 99th-percentile latency, and this
process's CPU time per operation (time.process_time(), every thread).
"""
import math
import sys
import threading
import time
import warnings

warnings.simplefilter("ignore")

from kmip import enums  # noqa: E402
from kmip.core.attributes import CryptographicParameters  # noqa: E402
from kmip.core.messages import payloads  # noqa: E402
from kmip.pie import client as pie_client  # noqa: E402

GCM = CryptographicParameters(block_cipher_mode=enums.BlockCipherMode.GCM,
                              cryptographic_algorithm=enums.CryptographicAlgorithm.AES, tag_length=16)
DATA = bytes(32)


def connect(host, port, ca, cert, key):
    c = pie_client.ProxyKmipClient(hostname=host, port=int(port), ca=ca, cert=cert, key=key,
                                   ssl_version="PROTOCOL_TLSv1_2", kmip_version=enums.KMIPVersion.KMIP_1_4)
    c.open()
    return c


def get(c, uid):
    return c.get(uid)


def encrypt(c, uid):
    r = c.proxy.send_request_payload(
        enums.Operation.ENCRYPT, payloads.EncryptRequestPayload(unique_identifier=uid, cryptographic_parameters=GCM,
                                                                data=DATA))
    assert len(r.auth_tag) == 16
    return r


def run(clients, op, uid, ops):
    threads = len(clients)
    latencies = [[] for _ in range(threads)]
    start = threading.Event()

    def work(i):
        c = clients[i]
        n = ops // threads + (1 if i < ops % threads else 0)
        out = latencies[i]
        start.wait()
        for _ in range(n):
            t0 = time.perf_counter()
            op(c, uid)
            out.append(time.perf_counter() - t0)

    workers = [threading.Thread(target=work, args=(i,)) for i in range(threads)]
    for w in workers:
        w.start()
    cpu0 = time.process_time()
    wall0 = time.perf_counter()
    start.set()
    for w in workers:
        w.join()
    wall = time.perf_counter() - wall0
    cpu = time.process_time() - cpu0
    return sorted(x for part in latencies for x in part), wall, cpu


def percentile(sorted_values, p):
    i = min(len(sorted_values) - 1, max(0, math.ceil(p / 100.0 * len(sorted_values)) - 1))
    return sorted_values[i]


def main():
    label, host, port, ca, cert, key, ops, threads = sys.argv[1:9]
    ops, threads = int(ops), int(threads)
    clients = [connect(host, port, ca, cert, key) for _ in range(threads)]
    mask = [enums.CryptographicUsageMask.ENCRYPT, enums.CryptographicUsageMask.DECRYPT]
    uid = clients[0].create(enums.CryptographicAlgorithm.AES, 256, name="pykmip-bench-%d" % time.time_ns(),
                            cryptographic_usage_mask=mask)
    clients[0].activate(uid)
    for name, op in (("get", get), ("encrypt", encrypt)):
        run(clients, op, uid, max(threads, ops // 5))
        lat, wall, cpu = run(clients, op, uid, ops)
        print("client=pykmip server=%s op=%s threads=%d ops=%d ops_per_s=%.1f p50_ms=%.3f p99_ms=%.3f"
              " cpu_ms_per_op=%.3f" % (label, name, threads, ops, ops / wall, percentile(lat, 50) * 1000,
                                       percentile(lat, 99) * 1000, cpu * 1000 / ops), flush=True)
    for c in clients:
        c.close()


if __name__ == "__main__":
    main()
