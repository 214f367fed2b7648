# Compile settings every ReplicaDesk target shares, as one INTERFACE target.
add_library(rd_settings INTERFACE)
target_compile_features(rd_settings INTERFACE cxx_std_20)
target_compile_definitions(rd_settings INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_URL_CAST_FROM_STRING
    QT_USE_QSTRINGBUILDER
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_KEYWORDS
    QT_DISABLE_DEPRECATED_BEFORE=0x060400)
if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(rd_settings INTERFACE -Wall -Wextra -Wpedantic -Wno-missing-field-initializers)
    if(RD_WERROR)
        target_compile_options(rd_settings INTERFACE -Werror)
    endif()
endif()

if(RD_SANITIZE)
    # ASan + UBSan for the whole build; the tests run under them in CI's sanitizer pass.
    target_compile_options(rd_settings INTERFACE
        -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_link_options(rd_settings INTERFACE -fsanitize=address,undefined)
endif()
