#include "ReplyWriter.h"

#include <Poco/DeflatingStream.h>
#include <Poco/Net/HTTPServerRequestImpl.h>
#include <Poco/Net/StreamSocket.h>
#include <Poco/Thread.h>

#include <algorithm>
#include <ostream>
#include <sstream>

namespace azureml_emulator {

namespace {

void prepare(Poco::Net::HTTPServerResponse& response, const Reply& reply, size_t contentLength) {
  response.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(reply.status));
  for (const auto& [name, value] : reply.headers) response.add(name, value);
  if (!reply.contentType.empty()) response.setContentType(reply.contentType);
  response.setContentLength64(static_cast<Poco::Int64>(contentLength));
}

}  // namespace

void ReplyWriter::send(Poco::Net::HTTPServerResponse& response, const Reply& reply) {
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
    std::ostringstream packed;
    Poco::DeflatingOutputStream deflater(packed, Poco::DeflatingStreamBuf::STREAM_GZIP);
    deflater.write(reply.body.data(), static_cast<std::streamsize>(reply.body.size()));
    deflater.close();
    body = packed.str();
  }
  std::ostream& out = response.send();
  out.write(body.data(), static_cast<std::streamsize>(body.size()));
  out.flush();
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

void ReplyWriter::sendOversized(Poco::Net::HTTPServerResponse& response, const Reply& headersOnly, size_t sizeBytes) {
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
