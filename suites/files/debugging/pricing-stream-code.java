// pricing-stream/src/main/java/com/acme/pricing/feed/RateFeed.java
package com.acme.pricing.feed;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.stereotype.Component;

import lombok.extern.slf4j.Slf4j;

@Component
@Slf4j
public class RateFeed {

    private final List<RateListener> listeners = new CopyOnWriteArrayList<>();

    public void subscribe(RateListener listener) {
        listeners.add(listener);
    }

    public void unsubscribe(RateListener listener) {
        listeners.remove(listener);
    }

    /** Called by the LP connector thread ("lp-feed-1") for every tick, ~400 ticks/s across all pairs. */
    void onTick(FxTick tick) {
        for (RateListener listener : listeners) {
            try {
                listener.onRate(tick);
            } catch (Exception e) {
                log.debug("listener failed for {}", tick.pair(), e);
            }
        }
    }
}

// pricing-stream/src/main/java/com/acme/pricing/feed/RateListener.java
@FunctionalInterface
public interface RateListener {
    void onRate(FxTick tick) throws Exception;
}

// pricing-stream/src/main/java/com/acme/pricing/ws/QuoteStreamHandler.java
package com.acme.pricing.ws;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;

import com.acme.pricing.feed.FxTick;
import com.acme.pricing.feed.RateFeed;

import io.micrometer.core.instrument.MeterRegistry;
import lombok.extern.slf4j.Slf4j;

@Component
@Slf4j
public class QuoteStreamHandler extends TextWebSocketHandler {

    private static final int SEND_TIME_LIMIT_MS = 5_000;
    private static final int BUFFER_SIZE_LIMIT = 64 * 1024;

    private final RateFeed feed;
    private final Map<String, ClientState> clients = new ConcurrentHashMap<>();

    public QuoteStreamHandler(RateFeed feed, MeterRegistry registry) {
        this.feed = feed;
        registry.gaugeMapSize("pricing.ws.sessions.active", List.of(), clients);
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        Set<String> pairs = QuoteSubscription.parsePairs(session.getUri());   // ?pairs=EURUSD,GBPUSD,...
        WebSocketSession out = new ConcurrentWebSocketSessionDecorator(session, SEND_TIME_LIMIT_MS, BUFFER_SIZE_LIMIT);
        clients.put(session.getId(), new ClientState(out, pairs));

        feed.subscribe(tick -> {
            if (pairs.contains(tick.pair())) {
                out.sendMessage(new TextMessage(QuoteFormat.toJson(tick)));
            }
        });
        log.debug("ws session {} opened pairs={}", session.getId(), pairs);
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        // clients only send {"type":"ping"}; handled by QuotePingResponder
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        clients.remove(session.getId());
        log.debug("ws session {} closed status={}", session.getId(), status);
    }

    record ClientState(WebSocketSession out, Set<String> pairs) { }
}
