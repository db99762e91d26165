// JsonResponsePolicy: a 2xx reply whose body is not the JSON we asked for (a proxy's HTML page, a
// truncated or garbled body) becomes HttpError(Network), which the RetryPolicy retries, instead of reaching
// the caller as "success". Empty bodies and streamed bodies pass untouched. Stateless; thread-safe.
#pragma once

#include "http/HttpPolicy.h"

namespace aifoundry::http {

class JsonResponsePolicy : public HttpPolicy {
 public:
  HttpResponse send(HttpRequest& request, const CallControl& control, const Next& next) override;
};

}  // namespace aifoundry::http
