// storefront-api/src/main/java/com/acme/storefront/home/HomeFeedService.java
package com.acme.storefront.home;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import lombok.extern.slf4j.Slf4j;

@Service
@Slf4j
public class HomeFeedService {

    private static final Duration FEED_TTL = Duration.ofMinutes(5);

    private static final String TRENDING_SQL = """
            SELECT p.id, p.slug, p.title, p.price_minor, p.currency, p.image_url, count(*) AS orders_24h
            FROM order_item oi
            JOIN product p ON p.id = oi.product_id
            WHERE oi.created_at > now() - interval '24 hours'
              AND p.visible_locales @> ARRAY[?]::text[]
            GROUP BY p.id
            ORDER BY orders_24h DESC
            LIMIT 48
            """;

    private final StringRedisTemplate redis;
    private final JdbcTemplate catalogReplica;   // HikariPool-2: maximum-pool-size 20, connection-timeout 2000 ms
    private final BannerService bannerService;
    private final ObjectMapper json;

    public HomeFeedService(StringRedisTemplate redis, JdbcTemplate catalogReplica,
                           BannerService bannerService, ObjectMapper json) {
        this.redis = redis;
        this.catalogReplica = catalogReplica;
        this.bannerService = bannerService;
        this.json = json;
    }

    public HomeFeed getHomeFeed(String locale) {
        String key = "feed:home:v3:" + locale;
        String cached = redis.opsForValue().get(key);
        if (cached != null) {
            return read(cached);
        }

        log.info("home feed cache miss key={}, rebuilding", key);
        long started = System.nanoTime();
        HomeFeed feed = buildFeed(locale);
        redis.opsForValue().set(key, write(feed), FEED_TTL);
        log.info("home feed rebuilt key={} in {} ms", key, (System.nanoTime() - started) / 1_000_000);
        return feed;
    }

    private HomeFeed buildFeed(String locale) {
        List<ProductCard> trending = catalogReplica.query(TRENDING_SQL, ProductCard.ROW_MAPPER, locale);
        List<ProductCard> newArrivals = catalogReplica.query(
                "SELECT id, slug, title, price_minor, currency, image_url, 0 AS orders_24h FROM product "
                        + "WHERE visible_locales @> ARRAY[?]::text[] ORDER BY published_at DESC LIMIT 24",
                ProductCard.ROW_MAPPER, locale);
        List<Banner> banners = bannerService.activeBanners(locale);
        return new HomeFeed(locale, trending, newArrivals, banners, Instant.now());
    }

    private HomeFeed read(String value) {
        try {
            return json.readValue(value, HomeFeed.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("corrupt home feed cache entry", e);
        }
    }

    private String write(HomeFeed feed) {
        try {
            return json.writeValueAsString(feed);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

// HomeController: GET /api/home?locale=en-GB -> homeFeedService.getHomeFeed(locale) on the Tomcat request thread.
// Traffic split by locale at peak: en-GB 71%, de-DE 17%, fr-FR 9%, other 3%.
// The trending query takes ~2.1 s when run on its own against the catalog read replica (EXPLAIN ANALYZE, 24h ~ 3.8M order_item rows).
