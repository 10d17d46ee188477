package middleware

import (
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/redis/go-redis/v9"
)

// Throttle limits each client to Limit requests per Window.
type Throttle struct {
	Redis  *redis.Client
	Limit  int64
	Window time.Duration
	Log    *slog.Logger
}

func NewThrottle(rdb *redis.Client, log *slog.Logger) *Throttle {
	return &Throttle{Redis: rdb, Limit: 600, Window: time.Minute, Log: log}
}

func (t *Throttle) Wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()

		clientIP, _, err := net.SplitHostPort(r.RemoteAddr)
		if err != nil {
			clientIP = r.RemoteAddr
		}
		key := fmt.Sprintf("rl:%s", clientIP)

		n, err := t.Redis.Incr(ctx, key).Result()
		if err != nil {
			t.Log.Warn("throttle: incr failed, allowing request", "key", key, "err", err)
			next.ServeHTTP(w, r)
			return
		}
		if n == 1 {
			if err := t.Redis.Expire(ctx, key, t.Window).Err(); err != nil {
				t.Log.Warn("throttle: expire failed", "key", key, "err", err)
			}
		}

		if n > t.Limit {
			t.Log.Info("throttled", "key", key, "count", n, "path", r.URL.Path)
			http.Error(w, "Service temporarily unavailable", http.StatusServiceUnavailable)
			return
		}

		next.ServeHTTP(w, r)
	})
}
