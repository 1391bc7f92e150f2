package cn.perfledger.cli.http;

import java.net.http.HttpRequest.BodyPublisher;
import java.nio.ByteBuffer;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * A request body that reports how many of its bytes the HTTP client has taken so far — the client pulls a
 * buffer when the connection can take it, so this follows the upload closely enough for a progress bar.
 * The length stays the delegate's, so the request keeps its {@code Content-Length}.
 */
public final class CountingBodyPublisher implements BodyPublisher {

    private final BodyPublisher delegate;
    private final LongConsumer progress;

    public CountingBodyPublisher(BodyPublisher delegate, LongConsumer progress) {
        this.delegate = delegate;
        this.progress = progress;
    }

    @Override
    public long contentLength() {
        return delegate.contentLength();
    }

    @Override
    public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
        AtomicLong count = new AtomicLong();
        delegate.subscribe(new Flow.Subscriber<ByteBuffer>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscriber.onSubscribe(subscription);
            }

            @Override
            public void onNext(ByteBuffer item) {
                long sofar = count.addAndGet(item.remaining());
                subscriber.onNext(item);
                progress.accept(sofar);
            }

            @Override
            public void onError(Throwable throwable) {
                subscriber.onError(throwable);
            }

            @Override
            public void onComplete() {
                subscriber.onComplete();
            }
        });
    }
}
