# discover_http_stack_tests(TARGET): registers TARGET's tests with the labels of the http stack's suites
# (HTTP_STACK_* lists, tests/support/CMakeLists.txt): concurrency, tls (+hostile), hostile, the rest unlabelled.
function(discover_http_stack_tests target)
  set(concurrency "${HTTP_STACK_CONCURRENCY_TESTS}")
  set(wire "${HTTP_STACK_HOSTILE_WIRE_TESTS}")
  gtest_discover_tests(${target} DISCOVERY_TIMEOUT 60 TEST_FILTER "${concurrency}" TEST_LIST ${target}_concurrency
                       PROPERTIES LABELS concurrency)
  gtest_discover_tests(${target} DISCOVERY_TIMEOUT 60 TEST_FILTER "Tls*:Transport.RefusesPlainHttp*"
                       TEST_LIST ${target}_tls PROPERTIES LABELS tls)
  file(WRITE ${CMAKE_CURRENT_BINARY_DIR}/${target}_tls_labels.cmake "
foreach(test IN LISTS ${target}_tls)
  set_tests_properties(\${test} PROPERTIES LABELS \"tls;hostile\")
endforeach()
")
  set_property(DIRECTORY APPEND PROPERTY TEST_INCLUDE_FILES ${CMAKE_CURRENT_BINARY_DIR}/${target}_tls_labels.cmake)
  gtest_discover_tests(${target} DISCOVERY_TIMEOUT 60 TEST_FILTER "*Hostile*:${wire}" TEST_LIST ${target}_hostile
                       PROPERTIES LABELS hostile)
  gtest_discover_tests(${target} DISCOVERY_TIMEOUT 60
                       TEST_FILTER "-Tls*:Transport.RefusesPlainHttp*:*Hostile*:${concurrency}:${wire}")
endfunction()
