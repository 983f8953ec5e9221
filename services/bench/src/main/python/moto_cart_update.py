"""What one cart add costs moto, by request shape (issue 18's add-item investigation, docs/benchmarks.md).

Starts its own moto_server on a free port (nothing else is touched), writes carts shaped as the cart service writes
them (lines: sku -> quantity, products: sku -> snapshot), and sends each request shape N times, one at a time,
reading moto's CPU from /proc before and after. Usage:

    python3 services/bench/src/main/python/moto_cart_update.py [N=200] [lines=1,10,40] ['variant|substrings']

Each line printed: the cart's size, the request shape, moto's CPU per request and the wall time per request.
The bench itself (./emporium bench) measures the shop's real adds; this isolates the emulator's share.
"""
import sys, time
from own_moto import cpu_ms, dynamodb, started

with started() as (port, pid):
    d = dynamodb(port)
    d.create_table(TableName="carts", KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
                   AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}], BillingMode="PAY_PER_REQUEST")
    def snap(i):
        return {"M": {"name": {"S": f"Product number {i} with a name"}, "amountMinor": {"N": "1999"}, "currency": {"S": "EUR"},
                      "imageUrl": {"S": f"https://images.example.com/products/{i}.jpg"}}}
    def cart(pk, lines):
        return {"pk": {"S": pk}, "customerId": {"S": pk}, "cartId": {"S": "c-" + pk}, "status": {"S": "OPEN"}, "version": {"N": "1"},
                "lines": {"M": {f"SKU-{i}": {"N": "1"} for i in range(lines)}},
                "products": {"M": {f"SKU-{i}": snap(i) for i in range(lines)}},
                "updatedAt": {"S": "2026-12-01T00:00:00Z"}, "expiresAt": {"N": "1800000000"}}
    NAMES = {"#pk": "pk", "#status": "status", "#lines": "lines", "#products": "products", "#version": "version",
             "#expiresAt": "expiresAt", "#updatedAt": "updatedAt", "#sku": "SKU-0"}
    UPD = "SET #lines.#sku = if_not_exists(#lines.#sku, :zero) + :quantity, #products.#sku = :product, #version = #version + :one, #expiresAt = :expiresAt, #updatedAt = :now"
    COND = "attribute_exists(#pk) AND #status = :open AND (attribute_not_exists(#lines.#sku) OR #lines.#sku <= :room) AND (attribute_exists(#lines.#sku) OR size(#lines) < :maxLines)"
    VALS = {":zero": {"N": "0"}, ":quantity": {"N": "1"}, ":product": snap(0), ":one": {"N": "1"}, ":expiresAt": {"N": "1800000000"},
            ":now": {"S": "2026-12-01T00:00:01Z"}, ":open": {"S": "OPEN"}, ":room": {"N": "1000000"}, ":maxLines": {"N": "100"}}
    def names(*exprs):
        return {k: v for k, v in NAMES.items() if any(k in e for e in exprs)}
    def vals(*exprs):
        import re
        return {k: v for k, v in VALS.items() if any(re.search(re.escape(k) + r"\b", e) for e in exprs)}
    def update(pk, upd=UPD, cond=COND, rv="ALL_NEW"):
        kw = dict(TableName="carts", Key={"pk": {"S": pk}}, UpdateExpression=upd, ReturnValues=rv,
                  ExpressionAttributeNames=names(upd, cond or ""), ExpressionAttributeValues=vals(upd, cond or ""))
        if cond:
            kw["ConditionExpression"] = cond
            kw["ReturnValuesOnConditionCheckFailure"] = "ALL_OLD"
        d.update_item(**kw)
    counter = [0]
    def first_add(pk):
        counter[0] += 1
        new = f"NEW#{counter[0]}"
        try:
            update(new)
        except d.exceptions.ConditionalCheckFailedException:
            pass
        d.put_item(TableName="carts", Item=cart(new, 1), ConditionExpression="attribute_not_exists(#pk)", ExpressionAttributeNames={"#pk": "pk"})
    def reference(pk, lines):
        item = d.get_item(TableName="carts", Key={"pk": {"S": pk}})["Item"]
        d.put_item(TableName="carts", Item=item)
    variants = {
        "ours: UpdateItem as the cart sends it (ALL_NEW, 4-clause condition)": lambda pk, n: update(pk),
        "trimmed: no #updatedAt, no attribute_exists(#pk) (ALL_NEW)": lambda pk, n: update(pk, upd=UPD.replace(", #updatedAt = :now", ""), cond=COND.replace("attribute_exists(#pk) AND ", "")),
        "UpdateItem, ReturnValues NONE": lambda pk, n: update(pk, rv="NONE"),
        "UpdateItem, no condition": lambda pk, n: update(pk, cond=None),
        "UpdateItem, condition '#status = :open' only": lambda pk, n: update(pk, cond="#status = :open"),
        "UpdateItem, SET quantity + version only, ALL_NEW": lambda pk, n: update(pk, upd="SET #lines.#sku = if_not_exists(#lines.#sku, :zero) + :quantity, #version = #version + :one", cond=None),
        "reference: GetItem + PutItem of the whole item": reference,
        "ours, first add: UpdateItem fails (no cart) + conditional PutItem": lambda pk, n: first_add(pk),
        "GetItem alone": lambda pk, n: d.get_item(TableName="carts", Key={"pk": {"S": pk}}),
        "PutItem alone (the whole item)": lambda pk, n: d.put_item(TableName="carts", Item=cart(pk, n)),
    }
    N = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    sizes = [int(x) for x in (sys.argv[2] if len(sys.argv) > 2 else "1,10,40").split(",")]
    ONLY = sys.argv[3].split('|') if len(sys.argv) > 3 else None
    for lines in sizes:
        carts = [f"CUSTOMER#{lines}-{i}" for i in range(50)]
        for pk in carts:
            d.put_item(TableName="carts", Item=cart(pk, lines))
        for name, fn in [(k, v) for k, v in variants.items() if not ONLY or any(o in k for o in ONLY)]:
            for pk in carts[:5]:
                fn(pk, lines)  # warm
            c0, t0 = cpu_ms(pid), time.time()
            for i in range(N):
                fn(carts[i % len(carts)], lines)
            c1, t1 = cpu_ms(pid), time.time()
            print(f"{lines:3d} lines | {name:70s} | moto {(c1-c0)/N:5.2f} ms CPU/op | {(t1-t0)*1000/N:5.2f} ms wall/op", flush=True)
            for pk in carts:  # reset the item size
                d.put_item(TableName="carts", Item=cart(pk, lines))
