# Finds KDE ThreadWeaver built against Qt 6 and exposes it as rd::ThreadWeaver.
# A packaged KF6 ThreadWeaver wins; otherwise the KF5-versioned build that scripts/setup.sh makes
# from Debian's source package with BUILD_WITH_QT6=ON. A Qt 5 build is refused, never used silently.
find_package(KF6ThreadWeaver QUIET CONFIG)
if(KF6ThreadWeaver_FOUND)
    set(_rd_tw_target KF6::ThreadWeaver)
    set(RD_THREADWEAVER_VERSION "${KF6ThreadWeaver_VERSION}")
else()
    find_package(KF5ThreadWeaver QUIET CONFIG)
    if(NOT KF5ThreadWeaver_FOUND)
        message(FATAL_ERROR
            "KDE ThreadWeaver for Qt 6 was not found. Run scripts/setup.sh (it builds it from "
            "Debian's source package) or pass -DCMAKE_PREFIX_PATH=<prefix of a Qt 6 ThreadWeaver>.")
    endif()
    get_target_property(_rd_tw_links KF5::ThreadWeaver INTERFACE_LINK_LIBRARIES)
    if(NOT "${_rd_tw_links}" MATCHES "Qt6::Core")
        message(FATAL_ERROR
            "Found ThreadWeaver at ${KF5ThreadWeaver_DIR}, but it is built against Qt 5 "
            "(${_rd_tw_links}). ReplicaDesk needs a Qt 6 build: run scripts/setup.sh.")
    endif()
    set(_rd_tw_target KF5::ThreadWeaver)
    set(RD_THREADWEAVER_VERSION "${KF5ThreadWeaver_VERSION}")
endif()
add_library(rd::ThreadWeaver INTERFACE IMPORTED)
target_link_libraries(rd::ThreadWeaver INTERFACE ${_rd_tw_target})
message(STATUS "ThreadWeaver ${RD_THREADWEAVER_VERSION} (Qt 6) via ${_rd_tw_target}")
