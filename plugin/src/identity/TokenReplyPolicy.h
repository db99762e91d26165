// TokenReplyPolicy: a 2xx token reply that holds no usable token (not JSON, no access_token, an expiry that
// is missing or no whole number of seconds) becomes the HttpError(Unavailable) parseTokenResponse throws,
// inside the retry loop, so a misbehaving token endpoint is asked again like one answering 503. Stateless;
// thread-safe.
#pragma once

#include "http/HttpPolicy.h"

namespace aifoundry::identity {

class TokenReplyPolicy : public http::HttpPolicy {
 public:
  http::HttpResponse send(http::HttpRequest& request, const http::CallControl& control,
                          const Next& next) override;
};

}  // namespace aifoundry::identity
