# db/schema.rb (excerpt)
ActiveRecord::Schema[7.1].define(version: 2024_08_19_101544) do
  create_table "products", force: :cascade do |t|
    t.bigint "account_id", null: false
    t.string "sku", null: false
    t.string "name", null: false
    t.text "description"
    t.integer "price_cents", null: false
    t.string "currency", limit: 3, default: "USD", null: false
    t.bigint "category_id"
    t.string "barcode"
    t.integer "weight_grams"
    t.string "status", default: "active", null: false
    t.datetime "created_at", null: false
    t.datetime "updated_at", null: false
    t.index ["account_id", "sku"], name: "index_products_on_account_id_and_sku"
    t.index ["account_id", "updated_at"], name: "index_products_on_account_id_and_updated_at"
    t.index ["category_id"], name: "index_products_on_category_id"
  end

  create_table "product_variants", force: :cascade do |t|
    t.bigint "product_id", null: false
    t.string "sku", null: false
    t.string "option1"
    t.string "option2"
    t.integer "price_cents"
    t.integer "stock", default: 0, null: false
    t.index ["product_id"], name: "index_product_variants_on_product_id"
  end

  add_foreign_key "product_variants", "products"
end

# app/models/product.rb (validations)
#   validates :sku, :name, presence: true
#   validates :price_cents, numericality: { greater_than: 0 }
#   validates :currency, inclusion: { in: %w[USD EUR GBP CAD AUD] }

# config/initializers/rack_timeout.rb
#   Rack::Timeout.service_timeout = 30
