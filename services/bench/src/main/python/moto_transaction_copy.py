"""What one checkout's TransactWriteItems costs moto, by the number of items in the table it touches (docs/benchmarks.md,
Findings: "moto's transactions copy whole tables").

moto 5.2.1 deep-copies every table a transaction touches before it writes (to put it back on a cancellation), so the
cost grows with the table. Starts its own moto_server on a free port (nothing else is touched), fills a carts table
step by step and, at each size, sends 40 checkout-shaped transactions (a conditional Update of a cart + a Put of an
outbox item), one at a time, reading moto's CPU from /proc. Usage:

    python3 services/bench/src/main/python/moto_transaction_copy.py
"""
import time, uuid
from own_moto import cpu_ms, dynamodb, started

with started() as (port, pid):
    d = dynamodb(port)
    for t in ("carts", "outbox"):
        d.create_table(TableName=t, KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}], AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}], BillingMode="PAY_PER_REQUEST")
    def cart(pk, lines=2):
        return {"pk": {"S": pk}, "status": {"S": "OPEN"}, "version": {"N": "1"},
                "lines": {"M": {f"SKU-{i}": {"N": "1"} for i in range(lines)}},
                "products": {"M": {f"SKU-{i}": {"M": {"name": {"S": f"Product {i}"}, "amountMinor": {"N": "1999"}, "currency": {"S": "EUR"}}} for i in range(lines)}}}
    n = 0
    for size in (0, 250, 1000, 2000):
        while n < size:
            d.put_item(TableName="carts", Item=cart(f"c{n}")); n += 1
        before = cpu_ms(pid); t0 = time.time()
        for i in range(40):
            pk = f"x{size}-{i}"
            d.put_item(TableName="carts", Item=cart(pk))
            d.transact_write_items(TransactItems=[
                {"Update": {"TableName": "carts", "Key": {"pk": {"S": pk}}, "UpdateExpression": "SET #s = :c", "ConditionExpression": "#s = :o",
                            "ExpressionAttributeNames": {"#s": "status"}, "ExpressionAttributeValues": {":c": {"S": "CHECKED_OUT"}, ":o": {"S": "OPEN"}}}},
                {"Put": {"TableName": "outbox", "Item": {"pk": {"S": str(uuid.uuid4())}, "payload": {"S": "x" * 800}}}}])
        tx = (cpu_ms(pid) - before) / 40
        before = cpu_ms(pid)
        for i in range(40):
            d.put_item(TableName="carts", Item=cart(f"y{size}-{i}"))
        put = (cpu_ms(pid) - before) / 40
        print(f"{size + 80} carts: put+transact {tx:.1f} ms, put alone {put:.1f} ms -> transact ~{tx-put:.1f} ms of moto CPU", flush=True)
