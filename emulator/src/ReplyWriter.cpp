#include "ReplyWriter.h"

#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/Thread.h>
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

void ReplyWriter::send(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                       const Reply& reply) {
  std::string framedBody;
  if (reply.chunked) {
    response.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(reply.status));
    for (const auto& [name, value] : reply.headers) response.add(name, value);
    if (!reply.contentType.empty()) response.setContentType(reply.contentType);
    response.setChunkedTransferEncoding(true);
    if (reply.gzip) response.set("Content-Encoding", "gzip");
    const std::string body = reply.gzip ? gzipped(reply.body) : reply.body;
    if (!body.empty()) {
      char size[24];
      std::snprintf(size, sizeof size, "%zx\r\n", body.size());
      framedBody.append(size).append(body).append("\r\n");
    }
    framedBody.append("0\r\n\r\n");
  } else {
    prepare(response, reply, reply.body.size());
    framedBody = reply.body;
  }
  // The whole reply in one write, as a front door sends a small one, so a client is woken once per reply.
  // Poco would write a plain reply's head and body in two sends, and a chunked reply's last chunk only when
  // the response object goes, after the handler has returned: a segment of its own each time.
  std::ostringstream head;
  response.write(head);
  std::string wire = head.str();
  if (request.getMethod() != Poco::Net::HTTPRequest::HTTP_HEAD) wire += framedBody;
  Poco::Net::StreamSocket& socket = dynamic_cast<Poco::Net::HTTPServerRequestImpl&>(request).socket();
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
