package middleware

import (
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/redis/go-redis/v9"
)

type RateLimiter struct {
	rdb    *redis.Client
	limit  int64
	window time.Duration
}

func NewRateLimiter(rdb *redis.Client, limit int64, window time.Duration) *RateLimiter {
	return &RateLimiter{rdb: rdb, limit: limit, window: window}
}

func clientIP(r *http.Request) string {
	ip, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return ip
}

func (rl *RateLimiter) Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		windowSecs := int64(rl.window / time.Second)
		bucket := time.Now().Unix() / windowSecs
		key := fmt.Sprintf("rl:%s:%d", clientIP(r), bucket)

		n, err := rl.rdb.Incr(ctx, key).Result()
		if err != nil {
			slog.WarnContext(ctx, "rate limiter unavailable", "err", err)
			next.ServeHTTP(w, r)
			return
		}
		if n == 1 {
			rl.rdb.Expire(ctx, key, rl.window)
		}

		if n > rl.limit {
			http.Error(w, "quota exceeded", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// wired in cmd/api/main.go:
//   limiter := middleware.NewRateLimiter(rdb, 600, time.Minute)
//   handler = limiter.Middleware(handler)
