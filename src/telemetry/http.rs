//! The HTTP endpoint: `/metrics`, `/healthz`, `/readyz`, served by hyper's
//! HTTP/1 server (three GET routes for Prometheus and the kubelet do not
//! justify a web framework, and a hand-written parser is one thing too many
//! to harden). HEAD gets the GET answer's status and headers without the
//! body: hyper drops the body of a HEAD answer itself (RFC 9110, 9.3.2).

use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::Arc;

use http_body_util::Full;
use hyper::body::{Bytes, Incoming};
use hyper::header::{HeaderValue, CONTENT_TYPE};
use hyper::{Method, Request, Response, StatusCode};
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::io::AsyncWriteExt;
use tokio::net::TcpListener;

use super::{Health, Metrics, TelemetryError};
use crate::internal_events::{HttpAcceptFailed, HttpConnectionFailed, InternalEvent};

/// Bounds of the HTTP endpoint, so that a client (or a port scan, or a
/// slowloris) cannot hold memory, sockets or tasks: the request head is
/// read into a bounded buffer within one overall deadline, each connection
/// answers one request and closes, and the number of connections served at
/// once is capped (those over the cap get a 503).
#[derive(Clone, Copy, Debug)]
pub struct HttpLimits {
    /// Largest request head (request line + headers) in bytes; larger
    /// heads get `431`. Bodies are never read (GET only). hyper's read
    /// buffer cannot be smaller than 8192 bytes, so smaller values count
    /// as 8192.
    pub max_head_bytes: usize,
    /// Time allowed for the whole request head, however slowly it trickles
    /// in; then the connection is closed without an answer (hyper's
    /// header-read timeout).
    pub head_timeout: std::time::Duration,
    /// Time allowed for writing the response, after the head was read.
    pub write_timeout: std::time::Duration,
    /// Connections served concurrently.
    pub max_connections: usize,
}

/// hyper's smallest read buffer (`http1::Builder::max_buf_size` panics
/// below it).
const MIN_HEAD_BUFFER: usize = 8192;

impl Default for HttpLimits {
    fn default() -> Self {
        HttpLimits {
            max_head_bytes: 8192,
            head_timeout: std::time::Duration::from_secs(5),
            write_timeout: std::time::Duration::from_secs(10),
            max_connections: 64,
        }
    }
}

/// The answer to a connection over [`HttpLimits::max_connections`], written
/// without reading the request: serving it through hyper would read a head
/// and spend a task on exactly the clients the cap is there to shed.
const BUSY: &[u8] = b"HTTP/1.1 503 Service Unavailable\r\ncontent-type: text/plain\r\ncontent-length: 5\r\nconnection: close\r\n\r\nbusy\n";

/// Bind the HTTP endpoint; the returned future serves it forever.
pub async fn serve(
    listen: &str,
    metrics: Arc<Metrics>,
    health: Arc<Health>,
) -> Result<(SocketAddr, impl std::future::Future<Output = ()>), TelemetryError> {
    serve_with(listen, metrics, health, HttpLimits::default()).await
}

/// [`serve`] with explicit [`HttpLimits`].
pub async fn serve_with(
    listen: &str,
    metrics: Arc<Metrics>,
    health: Arc<Health>,
    limits: HttpLimits,
) -> Result<(SocketAddr, impl std::future::Future<Output = ()>), TelemetryError> {
    health.attach(metrics.clone());
    let listener = TcpListener::bind(listen)
        .await
        .map_err(|source| TelemetryError::Bind {
            addr: listen.to_string(),
            source,
        })?;
    let addr = listener
        .local_addr()
        .map_err(|source| TelemetryError::Bind {
            addr: listen.to_string(),
            source,
        })?;
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(limits.head_timeout)
        .max_buf_size(limits.max_head_bytes.max(MIN_HEAD_BUFFER))
        // One request per connection, as Prometheus and the kubelet need:
        // an idle kept-alive connection would hold a slot of the cap.
        .keep_alive(false);
    // The head is read within `head_timeout` and the answer is written
    // within `write_timeout`; hyper has no write timeout, so the whole
    // one-request connection gets both.
    let connection_deadline = limits.head_timeout + limits.write_timeout;
    let slots = Arc::new(tokio::sync::Semaphore::new(limits.max_connections.max(1)));
    let fut = async move {
        loop {
            let (mut sock, _) = match listener.accept().await {
                Ok(s) => s,
                Err(error) => {
                    HttpAcceptFailed { error: &error }.emit();
                    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
                    continue;
                }
            };
            let Ok(slot) = slots.clone().try_acquire_owned() else {
                // Over the cap: answer without reading, off the accept loop.
                tokio::spawn(async move {
                    let _ = tokio::time::timeout(limits.write_timeout, async {
                        sock.write_all(BUSY).await?;
                        sock.shutdown().await
                    })
                    .await;
                });
                continue;
            };
            let metrics = metrics.clone();
            let health = health.clone();
            let connection = http.serve_connection(
                TokioIo::new(sock),
                hyper::service::service_fn(move |req: Request<Incoming>| {
                    let answer = answer(&req, &metrics, &health);
                    async move { Ok::<_, Infallible>(answer) }
                }),
            );
            tokio::spawn(async move {
                let _slot = slot;
                // A client that timed out, sent garbage (hyper answered
                // 400/431 itself) or went away: nothing to report, the
                // connection is closed either way.
                if let Ok(Err(error)) = tokio::time::timeout(connection_deadline, connection).await
                {
                    HttpConnectionFailed { error: &error }.emit();
                }
            });
        }
    };
    Ok((addr, fut))
}

/// The answer to one request: GET and HEAD on the three routes.
fn answer(req: &Request<Incoming>, metrics: &Metrics, health: &Health) -> Response<Full<Bytes>> {
    if !matches!(*req.method(), Method::GET | Method::HEAD) {
        let mut resp = plain(StatusCode::METHOD_NOT_ALLOWED, "GET only\n".into());
        resp.headers_mut()
            .insert(hyper::header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return resp;
    }
    // `byline_ready` needs no update here: the health state mirrors every
    // change in it (attached above).
    let ready = health.ready();
    match req.uri().path() {
        "/metrics" => {
            let mut resp = plain(StatusCode::OK, metrics.render());
            resp.headers_mut().insert(
                CONTENT_TYPE,
                HeaderValue::from_static("text/plain; version=0.0.4"),
            );
            resp
        }
        "/healthz" => plain(StatusCode::OK, "ok\n".into()),
        "/readyz" if ready => plain(StatusCode::OK, "ready\n".into()),
        "/readyz" => plain(StatusCode::SERVICE_UNAVAILABLE, "not ready\n".into()),
        _ => plain(StatusCode::NOT_FOUND, "not found\n".into()),
    }
}

/// A `text/plain` answer.
fn plain(status: StatusCode, body: String) -> Response<Full<Bytes>> {
    let mut resp = Response::new(Full::new(Bytes::from(body)));
    *resp.status_mut() = status;
    resp.headers_mut()
        .insert(CONTENT_TYPE, HeaderValue::from_static("text/plain"));
    resp
}
#[cfg(test)]
mod tests {
    use super::*;
    use tokio::io::AsyncReadExt;

    #[tokio::test]
    async fn http_routes() {
        let m = Arc::new(Metrics::new().unwrap());
        let h = Arc::new(Health::default());
        let (addr, fut) = serve("127.0.0.1:0", m, h.clone()).await.unwrap();
        tokio::spawn(fut);
        let get = |p: &'static str| async move {
            let mut s = tokio::net::TcpStream::connect(addr).await.unwrap();
            s.write_all(format!("GET {p} HTTP/1.1\r\nhost: x\r\n\r\n").as_bytes())
                .await
                .unwrap();
            let mut out = String::new();
            s.read_to_string(&mut out).await.unwrap();
            out
        };
        assert!(get("/healthz").await.starts_with("HTTP/1.1 200"));
        assert!(get("/readyz").await.starts_with("HTTP/1.1 503"));
        h.update(crate::telemetry::HealthChange::Consuming(true));
        assert!(
            get("/readyz").await.starts_with("HTTP/1.1 503"),
            "no broker seen yet"
        );
        h.update(crate::telemetry::HealthChange::BrokersDown(false));
        assert!(get("/readyz").await.starts_with("HTTP/1.1 200"));
        let text = get("/metrics").await;
        assert!(text.contains("byline_ready 1"), "{text}");
        assert!(text.contains("byline_readiness_changes_total{ready=\"true\"} 1"));
        assert!(text.contains("byline_not_ready{reason=\"brokers_down\"} 0"));
        // HEAD: the same status and length, no body.
        let mut s = tokio::net::TcpStream::connect(addr).await.unwrap();
        s.write_all(b"HEAD /healthz HTTP/1.1\r\nhost: x\r\n\r\n")
            .await
            .unwrap();
        let mut head = String::new();
        s.read_to_string(&mut head).await.unwrap();
        assert!(head.starts_with("HTTP/1.1 200"), "{head}");
        assert!(head.contains("content-length: 3\r\n"), "{head}");
        // One request per connection, as before hyper.
        assert!(head.contains("connection: close\r\n"), "{head}");
        assert!(
            head.ends_with("\r\n\r\n"),
            "a body after the head: {head:?}"
        );
    }

    #[tokio::test]
    async fn binds_the_configured_address() {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let listen = format!("127.0.0.1:{port}");
        let m = Arc::new(Metrics::new().unwrap());
        let (addr, fut) = serve(&listen, m, Arc::new(Health::default()))
            .await
            .unwrap();
        assert_eq!(addr.to_string(), listen);
        tokio::spawn(fut);
        assert!(send_raw(addr, b"GET /healthz HTTP/1.1\r\n\r\n")
            .await
            .starts_with("HTTP/1.1 200"));
        // Taken: the error names the address.
        let e = serve(
            &listen,
            Arc::new(Metrics::new().unwrap()),
            Arc::new(Health::default()),
        )
        .await
        .err()
        .unwrap();
        assert!(e.to_string().contains(&listen), "{e}");
    }

    async fn send_raw(addr: SocketAddr, bytes: &[u8]) -> String {
        let mut s = tokio::net::TcpStream::connect(addr).await.unwrap();
        let _ = s.write_all(bytes).await;
        let mut out = Vec::new();
        let _ = s.read_to_end(&mut out).await;
        String::from_utf8_lossy(&out).into_owned()
    }

    #[tokio::test]
    async fn http_request_heads_are_bounded() {
        let m = Arc::new(Metrics::new().unwrap());
        let h = Arc::new(Health::default());
        let limits = HttpLimits::default();
        let (addr, fut) = serve_with("127.0.0.1:0", m, h, limits).await.unwrap();
        tokio::spawn(fut);
        let huge = format!(
            "GET /metrics HTTP/1.1\r\nx: {}\r\n\r\n",
            "a".repeat(100_000)
        );
        let out = send_raw(addr, huge.as_bytes()).await;
        assert!(out.starts_with("HTTP/1.1 431"), "{out}");
        let out = send_raw(addr, b"POST /metrics HTTP/1.1\r\n\r\n").await;
        assert!(out.starts_with("HTTP/1.1 405"), "{out}");
        assert!(out.contains("allow: GET, HEAD\r\n"), "{out}");
        // A head just under the limit is still served.
        let ok = format!(
            "GET /healthz HTTP/1.1\r\nx: {}\r\n\r\n",
            "a".repeat(limits.max_head_bytes - 200)
        );
        assert!(send_raw(addr, ok.as_bytes())
            .await
            .starts_with("HTTP/1.1 200"));
        // A body is never read: a request announcing 100 MB gets its answer
        // and the connection closes without the body being sent.
        let mut s = tokio::net::TcpStream::connect(addr).await.unwrap();
        s.write_all(b"GET /healthz HTTP/1.1\r\ncontent-length: 100000000\r\n\r\n")
            .await
            .unwrap();
        let mut out = Vec::new();
        let _ = tokio::time::timeout(std::time::Duration::from_secs(30), s.read_to_end(&mut out))
            .await
            .expect("the server waited for the body");
        let out = String::from_utf8_lossy(&out);
        assert!(out.starts_with("HTTP/1.1 200"), "{out}");
        assert!(out.ends_with("\r\n\r\nok\n"), "{out}");
        // Not HTTP at all: hyper answers 400.
        let out = send_raw(addr, b"\x16\x03\x01 hello\r\n\r\n").await;
        assert!(out.starts_with("HTTP/1.1 400"), "{out}");
    }

    #[tokio::test]
    async fn a_slowloris_is_cut_off() {
        let m = Arc::new(Metrics::new().unwrap());
        let h = Arc::new(Health::default());
        let limits = HttpLimits {
            head_timeout: std::time::Duration::from_millis(300),
            ..HttpLimits::default()
        };
        let (addr, fut) = serve_with("127.0.0.1:0", m, h, limits).await.unwrap();
        tokio::spawn(fut);
        // One byte every 50 ms, forever: a per-read timeout would never fire.
        let mut slow = tokio::net::TcpStream::connect(addr).await.unwrap();
        slow.write_all(b"GET /metrics HTTP/1.1\r\n").await.unwrap();
        let (mut rd, mut wr) = slow.into_split();
        let trickle = tokio::spawn(async move {
            while wr.write_all(b"x").await.is_ok() {
                tokio::time::sleep(std::time::Duration::from_millis(50)).await;
            }
        });
        // The server closes while bytes still arrive (the read may end in a
        // reset), without an answer.
        let mut out = Vec::new();
        let _ = tokio::time::timeout(std::time::Duration::from_secs(30), rd.read_to_end(&mut out))
            .await
            .expect("the slow client was never cut off");
        assert!(out.is_empty(), "{}", String::from_utf8_lossy(&out));
        trickle.abort();
    }

    #[tokio::test]
    async fn connections_over_the_cap_are_turned_away() {
        let m = Arc::new(Metrics::new().unwrap());
        let h = Arc::new(Health::default());
        let limits = HttpLimits {
            head_timeout: std::time::Duration::from_secs(120),
            max_connections: 2,
            ..HttpLimits::default()
        };
        let (addr, fut) = serve_with("127.0.0.1:0", m, h, limits).await.unwrap();
        tokio::spawn(fut);
        // Two idle connections take both slots once the server accepted
        // them: a third client gets 503 from then on.
        let idle = tokio::net::TcpStream::connect(addr).await.unwrap();
        let _idle2 = tokio::net::TcpStream::connect(addr).await.unwrap();
        let answer_is = |status: &'static str| async move {
            for _ in 0..200 {
                let out = send_raw(addr, b"GET /healthz HTTP/1.1\r\n\r\n").await;
                if out.starts_with(status) {
                    return out;
                }
                tokio::time::sleep(std::time::Duration::from_millis(50)).await;
            }
            panic!("never answered {status}");
        };
        let busy = answer_is("HTTP/1.1 503").await;
        assert!(busy.ends_with("\r\n\r\nbusy\n"), "{busy}");
        // A client leaving frees its slot.
        drop(idle);
        answer_is("HTTP/1.1 200").await;
    }
}
