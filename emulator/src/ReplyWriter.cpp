#include "ReplyWriter.h"

#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/Thread.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <zlib.h>

#include <algorithm>
#include <cstdio>
#include <ostream>
#include <sstream>
#include <stdexcept>

namespace azureml_emulator {

namespace {

void prepare(Poco::Net::HTTPServerResponse& response, const Reply& reply, size_t contentLength) {
  response.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(reply.status));
  for (const auto& [name, value] : reply.headers) response.add(name, value);
  if (!reply.contentType.empty()) response.setContentType(reply.contentType);
  response.setContentLength64(static_cast<Poco::Int64>(contentLength));
}

void setCork(int fd, int on) {
  if (fd >= 0) ::setsockopt(fd, IPPROTO_TCP, TCP_CORK, &on, sizeof on);
}

// Gzip with one deflate state per server thread, reset per reply: deflateInit allocates and clears about
// 256 KB, more than compressing a small reply costs.
std::string gzipped(const std::string& body) {
  struct Deflater {
    z_stream stream{};
    bool ready = false;
    ~Deflater() {
      if (ready) deflateEnd(&stream);
    }
  };
  thread_local Deflater deflater;
  z_stream& z = deflater.stream;
  if (!deflater.ready) {
    if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
      throw std::runtime_error("deflateInit2 failed");
    deflater.ready = true;
  } else {
    deflateReset(&z);
  }
  std::string out(deflateBound(&z, static_cast<uLong>(body.size())), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(body.data()));
  z.avail_in = static_cast<uInt>(body.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  if (deflate(&z, Z_FINISH) != Z_STREAM_END) throw std::runtime_error("deflate did not finish");
  out.resize(out.size() - z.avail_out);
  return out;
}

}  // namespace

ReplyWriter::Cork::Cork(Poco::Net::HTTPServerRequest& request) {
  if (auto* impl = dynamic_cast<Poco::Net::HTTPServerRequestImpl*>(&request)) {
    fd_ = impl->socket().impl()->sockfd();
    setCork(fd_, 1);
  }
}

ReplyWriter::Cork::~Cork() { setCork(fd_, 0); }

void ReplyWriter::send(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                       const Reply& reply) {
  if (!reply.chunked) {
    prepare(response, reply, reply.body.size());
    response.sendBuffer(reply.body.data(), reply.body.size());
    return;
  }
  response.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(reply.status));
  for (const auto& [name, value] : reply.headers) response.add(name, value);
  if (!reply.contentType.empty()) response.setContentType(reply.contentType);
  response.setChunkedTransferEncoding(true);
  std::string body = reply.body;
  if (reply.gzip) {
    response.set("Content-Encoding", "gzip");
    body = gzipped(reply.body);
  }
  auto* impl = dynamic_cast<Poco::Net::HTTPServerRequestImpl*>(&request);
  if (impl == nullptr) {
    std::ostream& out = response.send();
    out.write(body.data(), static_cast<std::streamsize>(body.size()));
    out.flush();
    return;
  }
  // Head, the one chunk and the last chunk in one write. Poco's chunked stream writes the last chunk only
  // when the response object goes, after the handler has returned, so it would leave in a segment of its
  // own and every client would wait for a second one per reply.
  std::ostringstream head;
  response.write(head);
  std::string wire = head.str();
  if (!body.empty()) {
    char size[24];
    std::snprintf(size, sizeof size, "%zx\r\n", body.size());
    wire.append(size).append(body).append("\r\n");
  }
  wire.append("0\r\n\r\n");
  Poco::Net::StreamSocket& socket = impl->socket();
  for (size_t sent = 0; sent < wire.size();) {
    const int n = socket.sendBytes(wire.data() + sent, static_cast<int>(wire.size() - sent));
    if (n <= 0) throw Poco::Net::ConnectionResetException("the client went away mid-reply");
    sent += static_cast<size_t>(n);
  }
}

void ReplyWriter::resetConnection(Poco::Net::HTTPServerRequest& request) {
  auto* impl = dynamic_cast<Poco::Net::HTTPServerRequestImpl*>(&request);
  if (!impl) return;
  // Detaching leaves the server session without a socket, so it ends this connection quietly.
  Poco::Net::StreamSocket socket = impl->detachSocket();
  try {
    socket.setLinger(true, 0);
    socket.close();
  } catch (...) {
  }
}

void ReplyWriter::sendDamaged(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                              const Reply& reply, const Fault& fault, const std::atomic<bool>& stopping) {
  if (fault.kind == FaultKind::PutAppliedResponseLost || fault.kind == FaultKind::ResetBeforeHeaders) {
    resetConnection(request);
    return;
  }
  prepare(response, reply, reply.body.size());
  std::ostream& out = response.send();
  if (fault.kind == FaultKind::ResetAfterHeaders) {
    out.flush();
    resetConnection(request);
    return;
  }
  if (fault.kind == FaultKind::TruncatedBody) {
    out.write(reply.body.data(), static_cast<std::streamsize>(reply.body.size() / 2));
    out.flush();
    resetConnection(request);
    return;
  }
  // Trickle: the whole response, a few bytes at a time.
  out.flush();
  const size_t chunk = std::max<size_t>(1, fault.chunkBytes);
  for (size_t at = 0; at < reply.body.size() && out.good() && !stopping; at += chunk) {
    Poco::Thread::sleep(fault.delayMs);
    out.write(reply.body.data() + at, static_cast<std::streamsize>(std::min(chunk, reply.body.size() - at)));
    out.flush();
  }
}

void ReplyWriter::sendOversized(Poco::Net::HTTPServerResponse& response, const Reply& headersOnly,
                                size_t sizeBytes) {
  const std::string head = "{\"value\":[],\"padding\":\"";
  const std::string tail = "\"}";
  const size_t total = std::max(sizeBytes, head.size() + tail.size());
  prepare(response, headersOnly, total);
  std::ostream& out = response.send();
  out << head;
  const std::string block(64 * 1024, 'x');
  for (size_t left = total - head.size() - tail.size(); left > 0 && out.good();) {
    const size_t n = std::min(left, block.size());
    out.write(block.data(), static_cast<std::streamsize>(n));
    left -= n;
  }
  out << tail;
  out.flush();
}

}  // namespace azureml_emulator
