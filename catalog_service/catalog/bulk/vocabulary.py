"""The words generated products are made of (no Django here: the benchmark uses them too)."""

from __future__ import annotations

from typing import Final

# 12 departments x 5 aisles x 5 shelves: 372 categories, 300 of them leaves.
DEPARTMENTS: Final = {
    "Electronics": ("Phones", "Laptops", "Audio", "Cameras", "Wearables"),
    "Home & Kitchen": ("Cookware", "Furniture", "Lighting", "Bedding", "Storage"),
    "Fashion": ("Shirts", "Shoes", "Jackets", "Bags", "Accessories"),
    "Sports & Outdoors": ("Cycling", "Camping", "Running", "Fitness", "Water Sports"),
    "Toys & Games": ("Board Games", "Puzzles", "Building Sets", "Dolls", "Outdoor Toys"),
    "Books": ("Fiction", "Science", "History", "Cooking", "Travel"),
    "Beauty": ("Skincare", "Haircare", "Fragrance", "Makeup", "Tools"),
    "Garden": ("Plants", "Tools", "Watering", "Furniture", "Lighting"),
    "Automotive": ("Parts", "Care", "Electronics", "Tools", "Accessories"),
    "Office": ("Paper", "Writing", "Desks", "Chairs", "Organisation"),
    "Pet Supplies": ("Dogs", "Cats", "Fish", "Birds", "Small Animals"),
    "Health": ("Vitamins", "First Aid", "Fitness Trackers", "Personal Care", "Mobility"),
}
SHELVES: Final = ("Essentials", "Premium", "Budget", "Professional", "Kids")

ADJECTIVES: Final = (
    "Classic", "Compact", "Deluxe", "Ergonomic", "Foldable", "Heavy-Duty", "Lightweight", "Modern", "Portable",
    "Rechargeable", "Rugged", "Slim", "Smart", "Vintage", "Waterproof", "Wireless", "Eco", "Ultra", "Pro", "Mini",
)  # fmt: skip
MATERIALS: Final = ("Aluminium", "Bamboo", "Canvas", "Ceramic", "Cotton", "Glass", "Leather", "Oak", "Steel", "Wool")
NOUNS: Final = (
    "Backpack", "Blender", "Bottle", "Camera", "Chair", "Charger", "Desk", "Drill", "Headphones", "Jacket", "Kettle",
    "Lamp", "Monitor", "Mug", "Notebook", "Organizer", "Pan", "Phone Case", "Speaker", "Tent", "Watch", "Sneakers",
)  # fmt: skip
BRANDS: Final = (
    "Acme", "Northwind", "Globex", "Initech", "Umbrella", "Hooli", "Stark", "Wayne", "Soylent", "Vandelay",
    "Tyrell", "Cyberdyne", "Aperture", "Oscorp", "Wonka", "Gringotts", "Monarch", "Pied Piper", "Dunder", "Prestige",
)  # fmt: skip
COLORS: Final = ("black", "white", "red", "blue", "green", "grey", "yellow", "orange", "purple", "brown")
SIZES: Final = ("XS", "S", "M", "L", "XL")
CURRENCIES: Final = ("EUR",) * 7 + ("USD",) * 2 + ("GBP",)
PHRASES: Final = (
    "Built to last with a {material} finish.",
    "Designed by {brand} for everyday use.",
    "A {color} favourite of our customers.",
    "Easy to clean and simple to store.",
    "Backed by a two-year warranty.",
    "Perfect for home, office or travel.",
    "Tested for durability in real conditions.",
    "Ships in recyclable packaging.",
)
