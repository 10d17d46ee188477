-- emitted by catalog-search for
--   GET /c/laptops?brand=Lenovo,Dell&ram_gb_min=16&screen_in=13-14.5&sort=price_asc
-- (one JOIN is added per active filter; attribute ids resolved from attributes.code)

SELECT p.id, p.title, p.price_cents, p.currency
FROM products p
JOIN product_attributes f_brand
  ON f_brand.product_id = p.id AND f_brand.attribute_id = 3
JOIN product_attributes f_ram
  ON f_ram.product_id = p.id AND f_ram.attribute_id = 17
JOIN product_attributes f_screen
  ON f_screen.product_id = p.id AND f_screen.attribute_id = 21
WHERE p.category_id = 112
  AND p.is_active
  AND f_brand.value IN ('Lenovo', 'Dell')
  AND f_ram.value::int >= 16
  AND f_screen.value::numeric BETWEEN 13 AND 14.5
ORDER BY p.price_cents
LIMIT 48 OFFSET 0;

-- facet counts for the sidebar, run once per attribute marked is_filterable
SELECT pa.value, count(*)
FROM product_attributes pa
JOIN products p ON p.id = pa.product_id
WHERE p.category_id = 112
  AND p.is_active
  AND pa.attribute_id = 17
GROUP BY pa.value
ORDER BY count(*) DESC
LIMIT 50;
