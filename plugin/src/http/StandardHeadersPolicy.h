// StandardHeadersPolicy: User-Agent, Accept: application/json and Accept-Encoding: gzip, deflate
// (the transport decodes both) on every request that does not set them itself.
#pragma once

#include <string>

#include "http/HttpPolicy.h"

namespace aifoundry::http {

class StandardHeadersPolicy : public HttpPolicy {
 public:
  explicit StandardHeadersPolicy(std::string userAgent);
  HttpResponse send(HttpRequest& request, const CallControl& control, const Next& next) override;

 private:
  std::string userAgent_;
};

}  // namespace aifoundry::http
