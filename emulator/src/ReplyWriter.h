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
  // While it lives, the request's connection holds back partial segments (TCP_CORK): the writes of one
  // reply leave as one segment when they fit, instead of waking the client once per write.
  class Cork {
   public:
    explicit Cork(Poco::Net::HTTPServerRequest& request);
    ~Cork();
    Cork(const Cork&) = delete;
    Cork& operator=(const Cork&) = delete;

   private:
    int fd_ = -1;
  };

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
