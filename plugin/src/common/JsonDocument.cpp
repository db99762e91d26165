#include "common/JsonDocument.h"

namespace aifoundry::common {

JsonDocument::JsonDocument(std::string_view text, std::string_view what)
    : root_(JsonView::parse(text, what, &index_)) {}

}  // namespace aifoundry::common
