#!/usr/bin/env python3
"""Generates the catalog's seed: a Flyway migration and one small SVG per product.

Deterministic (fixed random seed, no timestamps): running it twice gives identical files.

    python3 services/catalog/seed/generate.py

writes src/main/resources/db/migration/V2__seed_catalog.sql and src/main/resources/static/images/*.svg
(relative to services/catalog).
"""
import json
import random
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
MIGRATION = ROOT / "src/main/resources/db/migration/V2__seed_catalog.sql"
IMAGES = ROOT / "src/main/resources/static/images"
CURRENCY = "EUR"
PER_CATEGORY = 24

# slug, name, colour, description, price range (minor units), product nouns, attribute generator keys
CATEGORIES = [
    ("kitchen", "Kitchen", "#d35400", "Cookware, knives and tools for everyday cooking.", (899, 18900),
     ["Chef's Knife", "Cast Iron Skillet", "Saucepan", "Cutting Board", "Dutch Oven", "Mixing Bowl Set",
      "Wok", "Spatula Set", "Stock Pot", "Measuring Cups"]),
    ("coffee-tea", "Coffee & Tea", "#6e4b3a", "Brewers, grinders, beans and loose-leaf tea.", (599, 24900),
     ["Pour-Over Dripper", "Burr Grinder", "French Press", "Espresso Beans", "Gooseneck Kettle",
      "Loose Leaf Green Tea", "Cold Brew Maker", "Milk Frother", "Teapot", "Coffee Scale"]),
    ("home-decor", "Home Decor", "#8e44ad", "Lamps, textiles and small things that make a room.", (1299, 15900),
     ["Table Lamp", "Throw Blanket", "Ceramic Vase", "Wall Clock", "Cushion Cover", "Picture Frame",
      "Scented Candle", "Wool Rug", "Mirror", "Plant Pot"]),
    ("office", "Office", "#2c3e50", "Desks, chairs and supplies for focused work.", (399, 39900),
     ["Notebook", "Fountain Pen", "Desk Organizer", "Monitor Stand", "Ergonomic Chair", "Desk Lamp",
      "Standing Desk Mat", "Cable Tray", "Paper Tray", "Whiteboard"]),
    ("outdoor", "Outdoor", "#27ae60", "Gear for hiking, camping and long days outside.", (1499, 29900),
     ["Trail Backpack", "Camping Tent", "Sleeping Bag", "Headlamp", "Trekking Poles", "Water Filter",
      "Camp Stove", "Insulated Bottle", "Rain Jacket", "Hammock"]),
    ("fitness", "Fitness", "#c0392b", "Equipment for training at home or at the gym.", (999, 34900),
     ["Yoga Mat", "Kettlebell", "Resistance Bands", "Jump Rope", "Foam Roller", "Dumbbell Pair",
      "Pull-Up Bar", "Training Gloves", "Balance Board", "Ab Wheel"]),
    ("audio", "Audio", "#2980b9", "Headphones, speakers and everything for listening.", (1999, 44900),
     ["Wireless Headphones", "Bluetooth Speaker", "Earbuds", "Turntable", "Bookshelf Speakers",
      "Headphone Amplifier", "Soundbar", "Studio Monitor", "USB Microphone", "Portable Radio"]),
    ("bags", "Bags", "#7f8c8d", "Backpacks, totes and travel bags built to last.", (1999, 24900),
     ["Laptop Backpack", "Canvas Tote", "Weekender Bag", "Messenger Bag", "Sling Bag", "Duffel Bag",
      "Toiletry Bag", "Camera Bag", "Rolltop Backpack", "Packing Cubes"]),
    ("garden", "Garden", "#16a085", "Tools, planters and seeds for gardens and balconies.", (499, 19900),
     ["Pruning Shears", "Watering Can", "Raised Bed Planter", "Garden Trowel", "Hose Reel",
      "Herb Seed Kit", "Compost Bin", "Garden Gloves", "Bird Feeder", "Solar Lantern"]),
    ("toys-games", "Toys & Games", "#f39c12", "Board games, puzzles and toys for all ages.", (699, 12900),
     ["Board Game", "Jigsaw Puzzle", "Wooden Blocks", "Card Game", "Building Kit", "Plush Bear",
      "Marble Run", "Chess Set", "Kite", "Science Kit"]),
]

BRANDS = ["Northwind", "Alder & Oak", "Fjell", "Brightline", "Copperleaf", "Stoneway", "Kestrel",
          "Lumen", "Harbor", "Meridian", "Tallgrass", "Ironbark"]
LINES = ["Classic", "Pro", "Essential", "Everyday", "Studio", "Compact", "Heritage", "Lite", "Max", "Original"]
COLOURS = ["black", "white", "graphite", "sand", "forest green", "navy", "terracotta", "oat", "charcoal", "sage"]
MATERIALS = {
    "kitchen": ["stainless steel", "cast iron", "carbon steel", "beech wood", "enamelled steel"],
    "coffee-tea": ["borosilicate glass", "stainless steel", "ceramic", "porcelain", "aluminium"],
    "home-decor": ["ceramic", "linen", "wool", "oak", "brass", "cotton"],
    "office": ["recycled paper", "aluminium", "bamboo", "steel", "felt"],
    "outdoor": ["ripstop nylon", "aluminium", "polyester", "titanium", "merino wool"],
    "fitness": ["natural rubber", "cast iron", "TPE", "neoprene", "steel"],
    "audio": ["aluminium", "walnut", "ABS", "fabric", "steel"],
    "bags": ["waxed canvas", "recycled polyester", "leather", "cordura nylon", "cotton canvas"],
    "garden": ["galvanised steel", "ash wood", "recycled plastic", "cedar", "stainless steel"],
    "toys-games": ["beech wood", "cardboard", "cotton", "ABS", "maple"],
}
USES = {
    "kitchen": "built for daily cooking and easy cleaning",
    "coffee-tea": "for a consistent, full-flavoured cup every morning",
    "home-decor": "that brings warmth and character to any room",
    "office": "designed to keep your desk tidy and your work flowing",
    "outdoor": "tested on long trails and wet weekends",
    "fitness": "for strength, mobility and conditioning at home",
    "audio": "tuned for clear mids, detailed highs and controlled bass",
    "bags": "with padded compartments and a weather-resistant finish",
    "garden": "made for balconies, allotments and backyard beds",
    "toys-games": "for family evenings and curious young minds",
}


def sql(text):
    return "'" + text.replace("'", "''") + "'"


def price(rng, low, high):
    euros = rng.randint(low // 100, high // 100)
    return euros * 100 + rng.choice([0, 50, 90, 95, 99])


def attributes(rng, slug, noun):
    attrs = {"colour": rng.choice(COLOURS), "material": rng.choice(MATERIALS[slug]),
             "weightGrams": rng.randint(1, 60) * 50}
    if slug in ("audio",):
        attrs["batteryHours"] = rng.choice([8, 12, 20, 30, 40])
        attrs["wireless"] = "Wireless" in noun or "Bluetooth" in noun or "Earbuds" in noun
    elif slug in ("bags", "outdoor"):
        attrs["capacityLitres"] = rng.choice([5, 12, 20, 28, 35, 45, 60])
    elif slug == "toys-games":
        attrs["ageMin"] = rng.choice([3, 5, 6, 8, 10, 12])
        attrs["players"] = rng.choice(["1", "1-4", "2", "2-6", "2-8"])
    elif slug == "kitchen":
        attrs["dishwasherSafe"] = rng.random() < 0.6
    attrs["warrantyYears"] = rng.choice([1, 2, 2, 3, 5])
    return attrs


def svg(name, category_name, colour, sku):
    words, lines, line = name.split(), [], ""
    for word in words:
        if len(line) + len(word) + 1 > 18 and line:
            lines.append(line)
            line = word
        else:
            line = (line + " " + word).strip()
    lines.append(line)
    text = "".join(
        f'<text x="200" y="{170 + i * 34}" text-anchor="middle">{escape(l)}</text>' for i, l in enumerate(lines[:3]))
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400" viewBox="0 0 400 400">'
        f'<rect width="400" height="400" fill="{colour}"/>'
        '<circle cx="200" cy="90" r="46" fill="#fff" fill-opacity=".25"/>'
        '<g fill="#fff" font-family="Helvetica,Arial,sans-serif" font-size="28" font-weight="bold">'
        f'{text}</g>'
        f'<text x="200" y="350" text-anchor="middle" fill="#fff" fill-opacity=".8" '
        f'font-family="Helvetica,Arial,sans-serif" font-size="16">{escape(category_name)} · {sku}</text>'
        '</svg>\n')


def main():
    rng = random.Random(20261121)
    IMAGES.mkdir(parents=True, exist_ok=True)
    for old in IMAGES.glob("*.svg"):
        old.unlink()
    out = ["-- GENERATED by services/catalog/seed/generate.py: do not edit, re-run the script.",
           "-- The seed catalog: categories, products (with one SVG each under static/images) and initial stock.", ""]
    out.append("INSERT INTO categories (slug, name, description, position) VALUES")
    out.append(",\n".join(f"  ({sql(s)}, {sql(n)}, {sql(d)}, {i})"
                          for i, (s, n, _, d, _, _) in enumerate(CATEGORIES)) + ";")
    products, stock = [], []
    for index, (slug, cat_name, colour, _, (low, high), nouns) in enumerate(CATEGORIES):
        seen = set()
        for n in range(PER_CATEGORY):
            noun = nouns[n % len(nouns)]
            while True:
                name = f"{rng.choice(BRANDS)} {rng.choice(LINES)} {noun}"
                if name not in seen:
                    seen.add(name)
                    break
            sku = f"{slug[:3].upper()}-{index + 1:02d}{n + 1:03d}"
            attrs = attributes(rng, slug, noun)
            description = (f"The {name} is a {attrs['material']} {noun.lower()} {USES[slug]}. "
                           f"Finished in {attrs['colour']}, covered by a {attrs['warrantyYears']}-year warranty.")
            image = sku.lower() + ".svg"
            (IMAGES / image).write_text(svg(name, cat_name, colour, sku), encoding="utf-8")
            products.append(
                f"  ({sql(sku)}, {sql(name)}, {sql(description)}, {sql(slug)}, {price(rng, low, high)}, "
                f"{sql(CURRENCY)}, {sql('/api/catalog/images/' + image)}, {sql(json.dumps(attrs, sort_keys=True))}::jsonb)")
            stock.append(f"  ({sql(sku)}, {rng.randint(20, 200)})")
    out += ["", "INSERT INTO products (sku, name, description, category, price_minor, currency, image_url, attributes) VALUES",
            ",\n".join(products) + ";", "", "INSERT INTO stock (sku, on_hand) VALUES", ",\n".join(stock) + ";", ""]
    MIGRATION.write_text("\n".join(out), encoding="utf-8")
    print(f"{len(products)} products in {len(CATEGORIES)} categories -> {MIGRATION.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
