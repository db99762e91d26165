#include "azureml/JsonDocument.h"

namespace aifoundry::azureml {

JsonDocument::JsonDocument(std::string_view text, std::string_view what)
    : root_(JsonView::parse(text, what, &index_)) {}

}  // namespace aifoundry::azureml
