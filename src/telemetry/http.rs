//! The HTTP endpoint: `/metrics`, `/healthz`, `/readyz`.
//!
//! A deliberately tiny HTTP/1.1 responder on tokio: three GET routes for
//! Prometheus and the kubelet do not justify a web framework. HEAD gets the
//! GET answer's status and headers without the body.

use std::net::SocketAddr;
use std::sync::Arc;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

use super::{Health, Metrics, TelemetryError};

/// Bounds of the HTTP endpoint, so that a client (or a port scan, or a
/// slowloris) cannot hold memory, sockets or tasks: the request head is
/// read into a fixed buffer within one overall deadline, and the number of
/// connections served at once is capped (those over the cap get a 503).
#[derive(Clone, Copy, Debug)]
pub struct HttpLimits {
    /// Largest request head (request line + headers) in bytes; larger
    /// heads get `431`. Bodies are never read (GET only).
    pub max_head_bytes: usize,
    /// Time allowed for the whole request head, however slowly it trickles
    /// in; then `408` and the connection is closed.
    pub head_timeout: std::time::Duration,
    /// Time allowed for writing the response.
    pub write_timeout: std::time::Duration,
    /// Connections served concurrently.
    pub max_connections: usize,
}

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
    let slots = Arc::new(tokio::sync::Semaphore::new(limits.max_connections.max(1)));
    let fut = async move {
        loop {
            let (mut sock, _) = match listener.accept().await {
                Ok(s) => s,
                Err(error) => {
                    tracing::warn!(message = "Accepting a metrics connection failed.", %error);
                    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
                    continue;
                }
            };
            let Ok(slot) = slots.clone().try_acquire_owned() else {
                // Over the cap: answer without reading, off the accept loop.
                tokio::spawn(async move {
                    let _ = tokio::time::timeout(
                        limits.write_timeout,
                        respond(
                            &mut sock,
                            "503 Service Unavailable",
                            "text/plain",
                            "busy\n",
                            false,
                        ),
                    )
                    .await;
                });
                continue;
            };
            let metrics = metrics.clone();
            let health = health.clone();
            tokio::spawn(async move {
                let _slot = slot;
                // HEAD gets the GET answer's status and headers, no body
                // (RFC 9110, 9.3.2).
                let mut head_only = false;
                let (status, ctype, body) = match tokio::time::timeout(
                    limits.head_timeout,
                    read_head(&mut sock, limits.max_head_bytes),
                )
                .await
                {
                    Ok(Head::Complete(head)) => {
                        let mut words = head.split_whitespace();
                        let method = words.next().unwrap_or_default();
                        let path = words.next().unwrap_or("/");
                        if matches!(method, "GET" | "HEAD") {
                            head_only = method == "HEAD";
                            route(path, &metrics, &health)
                        } else {
                            ("405 Method Not Allowed", "text/plain", "GET only\n".into())
                        }
                    }
                    Ok(Head::TooLarge) => (
                        "431 Request Header Fields Too Large",
                        "text/plain",
                        "request head too large\n".into(),
                    ),
                    Ok(Head::Closed) => return,
                    Err(_) => (
                        "408 Request Timeout",
                        "text/plain",
                        "request timeout\n".into(),
                    ),
                };
                let _ = tokio::time::timeout(
                    limits.write_timeout,
                    respond(&mut sock, status, ctype, &body, head_only),
                )
                .await;
            });
        }
    };
    Ok((addr, fut))
}

/// Outcome of reading a request head.
enum Head {
    /// The head up to its blank line (lossy UTF-8).
    Complete(String),
    /// No blank line within the size limit.
    TooLarge,
    /// The client closed (or failed) before a complete head.
    Closed,
}

/// Read until the blank line ending the head, into at most `max` bytes.
async fn read_head(sock: &mut tokio::net::TcpStream, max: usize) -> Head {
    let mut buf = vec![0u8; max];
    let mut n = 0;
    loop {
        let Some(free) = buf.get_mut(n..) else {
            return Head::TooLarge;
        };
        if free.is_empty() {
            return Head::TooLarge;
        }
        match sock.read(free).await {
            Ok(0) | Err(_) => return Head::Closed,
            Ok(k) => {
                // Search only the new bytes and the 3 before them.
                let from = n.saturating_sub(3);
                n += k;
                let seen = buf.get(from..n).unwrap_or_default();
                if seen.windows(4).any(|w| w == b"\r\n\r\n") {
                    return Head::Complete(
                        String::from_utf8_lossy(buf.get(..n).unwrap_or_default()).into_owned(),
                    );
                }
            }
        }
    }
}

async fn respond(
    sock: &mut tokio::net::TcpStream,
    status: &str,
    ctype: &str,
    body: &str,
    head_only: bool,
) -> std::io::Result<()> {
    let mut resp = format!(
        "HTTP/1.1 {status}\r\ncontent-type: {ctype}\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
        body.len()
    );
    if !head_only {
        resp.push_str(body);
    }
    sock.write_all(resp.as_bytes()).await?;
    sock.shutdown().await
}

fn route(path: &str, metrics: &Metrics, health: &Health) -> (&'static str, &'static str, String) {
    let ready = health.ready();
    metrics.ready.set(i64::from(ready));
    match path.split('?').next().unwrap_or(path) {
        "/metrics" => ("200 OK", "text/plain; version=0.0.4", metrics.render()),
        "/healthz" => ("200 OK", "text/plain", "ok\n".into()),
        "/readyz" if ready => ("200 OK", "text/plain", "ready\n".into()),
        "/readyz" => (
            "503 Service Unavailable",
            "text/plain",
            "not ready\n".into(),
        ),
        _ => ("404 Not Found", "text/plain", "not found\n".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        h.set_consuming(true);
        assert!(
            get("/readyz").await.starts_with("HTTP/1.1 503"),
            "no broker seen yet"
        );
        h.set_brokers_down(false);
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
        let limits = HttpLimits {
            max_head_bytes: 1024,
            ..HttpLimits::default()
        };
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
        // A head just under the limit is still served.
        let ok = format!("GET /healthz HTTP/1.1\r\nx: {}\r\n\r\n", "a".repeat(900));
        assert!(send_raw(addr, ok.as_bytes())
            .await
            .starts_with("HTTP/1.1 200"));
    }

    #[tokio::test]
    async fn a_slowloris_is_cut_off_and_connections_are_capped() {
        let m = Arc::new(Metrics::new().unwrap());
        let h = Arc::new(Health::default());
        let limits = HttpLimits {
            head_timeout: std::time::Duration::from_millis(300),
            max_connections: 2,
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
        // Meanwhile, with one slot taken by the slowloris and one by an idle
        // connection, a third client is turned away at once.
        let idle = tokio::net::TcpStream::connect(addr).await.unwrap();
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        let busy = send_raw(addr, b"GET /healthz HTTP/1.1\r\n\r\n").await;
        assert!(busy.starts_with("HTTP/1.1 503"), "{busy}");
        // The server closes while bytes still arrive: the read may end in a
        // reset after the response, which is kept in `out` all the same.
        let mut out = Vec::new();
        let _ = tokio::time::timeout(std::time::Duration::from_secs(30), rd.read_to_end(&mut out))
            .await
            .expect("the slow client was never cut off");
        assert!(
            out.starts_with(b"HTTP/1.1 408"),
            "{}",
            String::from_utf8_lossy(&out)
        );
        trickle.abort();
        drop(idle);
    }
}
