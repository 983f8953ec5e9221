"""Whether serializing moto's DynamoDB calls (ADR 22, services/local's moto_server.py) costs emulator CPU: the cart's
add-shaped UpdateItem (ReturnValues=ALL_NEW, a condition) on 250 carts for 8 s, from 1 and from 16 client threads,
against plain moto_server and against the serialized launcher, each on a moto of its own (free port); prints
requests per second, moto CPU per request (/proc) and moto's share of a core. Usage:

    python3 services/bench/src/main/python/moto_serialized.py
"""
import os, time, threading
from botocore.config import Config
from own_moto import cpu_ms, dynamodb, started
LAUNCHER = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../../../local/src/main/resources/io/emporium/local/moto_server.py")).read()
def snap(i):
    return {"M": {"name": {"S": f"Product number {i} with a name"}, "amountMinor": {"N": "1999"}, "currency": {"S": "EUR"}}}
def run(kind, threads, seconds=8):
    cmd = ("moto_server",) if kind == "plain" else ("python3", "-c", LAUNCHER)
    with started(cmd, ready_after=2.5) as (port, pid):
        cfg = Config(max_pool_connections=32, retries={"max_attempts": 1})
        d = dynamodb(port, cfg)
        d.create_table(TableName="carts", KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}], AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}], BillingMode="PAY_PER_REQUEST")
        for c in range(250):
            d.put_item(TableName="carts", Item={"pk": {"S": f"c{c}"}, "status": {"S": "OPEN"}, "version": {"N": "1"},
                "lines": {"M": {f"SKU-{i}": {"N": "1"} for i in range(2)}}, "products": {"M": {f"SKU-{i}": snap(i) for i in range(2)}}})
        stop = time.time() + seconds; count = [0]; lock = threading.Lock()
        def worker(t):
            cl = dynamodb(port, cfg)
            i = t
            while time.time() < stop:
                sku = f"SKU-{(i // 250) % 50 + 2}"
                cl.update_item(TableName="carts", Key={"pk": {"S": f"c{i % 250}"}},
                    UpdateExpression="SET #l.#s = if_not_exists(#l.#s, :z) + :q, #p.#s = :prod, #v = #v + :one",
                    ConditionExpression="#st = :open", ExpressionAttributeNames={"#l": "lines", "#p": "products", "#s": sku, "#v": "version", "#st": "status"},
                    ExpressionAttributeValues={":z": {"N": "0"}, ":q": {"N": "1"}, ":prod": snap(1), ":one": {"N": "1"}, ":open": {"S": "OPEN"}}, ReturnValues="ALL_NEW")
                i += threads
                with lock: count[0] += 1
        before = cpu_ms(pid); t0 = time.time()
        ts = [threading.Thread(target=worker, args=(t,)) for t in range(threads)]
        [t.start() for t in ts]; [t.join() for t in ts]
        el = time.time() - t0; cpu = cpu_ms(pid) - before
        print(f"{kind:10s} {threads:2d} threads: {count[0]/el:6.1f} UpdateItem/s, moto {cpu/count[0]:5.2f} ms CPU each, moto at {cpu/el/10:.0f} % of a core", flush=True)
for threads in (1, 16):
    for kind in ("plain", "serialized"):
        run(kind, threads)
