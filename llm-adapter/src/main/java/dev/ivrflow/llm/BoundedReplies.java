package dev.ivrflow.llm;

import okhttp3.Interceptor;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.ForwardingSource;
import okio.Okio;

import java.io.IOException;

/**
 * Refuses a reply body longer than a bound: at once when its length is declared, else as soon as that many bytes
 * have been read. A server answering a short question with megabytes never gets them held in memory.
 */
final class BoundedReplies implements Interceptor {
    private final long maxBytes;

    BoundedReplies(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        ResponseBody body = response.body();
        if (body == null) return response;
        long declared = body.contentLength();
        if (declared > maxBytes) {
            response.close();
            throw new IOException("the LLM's reply is " + declared + " bytes long, more than " + maxBytes);
        }
        ForwardingSource capped = new ForwardingSource(body.source()) {
            private long read;

            @Override
            public long read(Buffer sink, long byteCount) throws IOException {
                long n = super.read(sink, byteCount);
                if (n > 0) read += n;
                if (read > maxBytes) throw new IOException("the LLM's reply is longer than " + maxBytes + " bytes");
                return n;
            }
        };
        return response.newBuilder().body(ResponseBody.create(Okio.buffer(capped), body.contentType(), declared)).build();
    }
}
