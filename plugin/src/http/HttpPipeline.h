// HttpPipeline: an ordered list of policies ending in the transport. The first policy sees the request
// first; the transport sends it. Immutable after construction; send() may be called from many threads.
#pragma once

#include <memory>
#include <vector>

#include "http/HttpPolicy.h"
#include "http/HttpTransport.h"

namespace aifoundry::http {

class HttpPipeline {
 public:
  HttpPipeline(std::vector<std::shared_ptr<HttpPolicy>> policies, std::shared_ptr<HttpTransport> transport);

  // Returns the final response whatever its status; throws HttpError when no reply could be had.
  HttpResponse send(HttpRequest request, const CallControl& control) const;

  HttpTransport& transport() const { return *transport_; }

 private:
  HttpResponse sendFrom(std::size_t index, HttpRequest& request, const CallControl& control) const;

  std::vector<std::shared_ptr<HttpPolicy>> policies_;
  std::shared_ptr<HttpTransport> transport_;
};

}  // namespace aifoundry::http
