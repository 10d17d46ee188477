# app/controllers/api/v1/products_bulk_controller.rb
module Api
  module V1
    class ProductsBulkController < Api::V1::BaseController
      MAX_PRODUCTS = 50_000

      # POST /api/v1/products/bulk
      # body: { "products": [ { "sku": "...", "name": "...", "price_cents": 1299, ... }, ... ] }
      def create
        items = params.require(:products)
        if items.size > MAX_PRODUCTS
          return render json: { error: "too many products (max #{MAX_PRODUCTS})" }, status: :bad_request
        end

        created_ids = []
        items.each do |attrs|
          product = current_account.products.create!(product_params(attrs))
          product.variants.create!(variant_params(attrs)) if attrs[:variants].present?
          created_ids << product.id
        end

        render json: { created: created_ids.size, ids: created_ids }, status: :created
      rescue ActiveRecord::RecordInvalid => e
        render json: { error: e.message }, status: :unprocessable_entity
      end

      private

      def product_params(attrs)
        attrs.permit(:sku, :name, :description, :price_cents, :currency, :category_id,
                     :barcode, :weight_grams, :status)
      end

      def variant_params(attrs)
        attrs.permit(variants: [:option1, :option2, :sku, :price_cents, :stock])[:variants]
      end
    end
  end
end
