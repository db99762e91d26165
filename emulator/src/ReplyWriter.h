// ReplyWriter: puts a Reply on the wire, whole or damaged the way a fault asks (reset, truncated,
// trickled), and streams the oversized body. The only code that touches Poco's server response.
#pragma once

#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>

#include <atomic>

#include "HttpExchange.h"
#include "azureml_emulator/FaultTable.h"

namespace azureml_emulator {

class ReplyWriter {
 public:
  // The reply, whole, in one write on the request's connection (gzip-encoded and chunked when it says so).
  static void send(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                   const Reply& reply);
  // Sends the reply damaged by a fault of a post-processing kind (reset-after-headers, truncated-body,
  // trickle, put-applied-response-lost).
  static void sendDamaged(Poco::Net::HTTPServerRequest& request, Poco::Net::HTTPServerResponse& response,
                          const Reply& reply, const Fault& fault, const std::atomic<bool>& stopping);
  static void sendOversized(Poco::Net::HTTPServerResponse& response, const Reply& headersOnly,
                            size_t sizeBytes);
  // Drops the connection with a TCP reset (SO_LINGER 0), so the client sees it die, not end cleanly.
  static void resetConnection(Poco::Net::HTTPServerRequest& request);
};

}  // namespace azureml_emulator
