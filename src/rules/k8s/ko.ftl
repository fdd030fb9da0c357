# PAL-K8S-001
k8s-pss-host-process = Pod Security Standards(baseline): Windows HostProcess 파드 또는 컨테이너
    .description = Pod Security Standards 프로필: **baseline**. HostProcess 컨테이너는 Windows 노드에서 노드의 권한과 네트워크를 가지고 직접 실행됩니다. 이는 특권 컨테이너의 Windows 버전으로, baseline 프로필에서 금지합니다.
    .remediation = 파드와 컨테이너의 보안 컨텍스트에서 `windowsOptions.hostProcess: true`를 제거하십시오. 노드 수준의 Windows 도구는 애플리케이션 네임스페이스 밖에서 실행하십시오.

# PAL-K8S-002
k8s-pss-host-namespaces = Pod Security Standards(baseline): 파드가 호스트의 네트워크, PID 또는 IPC 네임스페이스를 공유함
    .description = Pod Security Standards 프로필: **baseline**. `hostNetwork`를 사용하면 파드가 노드의 모든 인터페이스를 보고 노드의 주소에 바인딩할 수 있으며, `hostPID`를 사용하면 노드의 모든 프로세스를 보고 시그널을 보내거나 추적할 수 있고, `hostIPC`를 사용하면 노드의 공유 메모리를 공유합니다. 각각은 워크로드와 노드 사이의 격리 경계를 하나씩 제거합니다.
    .remediation = `hostNetwork`, `hostPID`, `hostIPC`를 제거하거나 `false`로 설정하십시오. 워크로드는 노드의 네트워크 대신 Service를 통해 노출하십시오.

# PAL-K8S-003
k8s-pss-privileged = Pod Security Standards(baseline): 특권 컨테이너
    .description = Pod Security Standards 프로필: **baseline**. 특권 컨테이너는 모든 케이퍼빌리티와 노드의 모든 디바이스를 가지며 seccomp나 AppArmor 제한을 받지 않습니다. 프로세스가 침해되면 곧 노드가 침해됩니다.
    .remediation = `securityContext.privileged: true`를 제거하십시오. 대신 프로세스에 필요한 특정 케이퍼빌리티를 부여하거나(baseline 프로필은 소수의 케이퍼빌리티를 허용합니다), 해당 작업을 노드 수준 에이전트로 옮기십시오.

# PAL-K8S-004
k8s-pss-capabilities-baseline = Pod Security Standards(baseline): 컨테이너가 허용 목록 외의 케이퍼빌리티를 추가함
    .description = Pod Security Standards 프로필: **baseline**. SYS_ADMIN, NET_ADMIN, SYS_PTRACE, SYS_MODULE과 같은 케이퍼빌리티는 일반 애플리케이션에는 전혀 필요 없는 커널과 노드에 대한 권한을 컨테이너에 부여하며, 대부분의 컨테이너 탈출은 이 중 하나에서 시작됩니다.
    .remediation = `securityContext.capabilities.add`에서 해당 케이퍼빌리티를 제거하십시오. baseline 프로필은 AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID, SYS_CHROOT만 허용합니다.

# PAL-K8S-005
k8s-pss-host-path = Pod Security Standards(baseline): hostPath 볼륨
    .description = Pod Security Standards 프로필: **baseline**. hostPath 볼륨은 노드의 디렉터리를 컨테이너에 마운트합니다. 컨테이너 런타임 소켓, kubelet의 자격 증명 또는 `/etc`를 마운트하는 것만으로 노드를 장악할 수 있습니다.
    .remediation = `hostPath` 볼륨을 `emptyDir`, `configMap`/`secret` 또는 `persistentVolumeClaim`으로 바꾸십시오.

# PAL-K8S-006
k8s-pss-host-ports = Pod Security Standards(baseline): 컨테이너가 호스트 포트에 바인딩함
    .description = Pod Security Standards 프로필: **baseline**. 호스트 포트는 Service를 우회하여, 그리고 많은 네트워크 플러그인에서는 NetworkPolicy도 우회하여 노드 자체의 주소로 컨테이너를 개방합니다. 또한 파드를 해당 포트가 비어 있는 노드에 묶어 둡니다.
    .remediation = 컨테이너의 `ports`에서 `hostPort`를 제거하고 Service(ClusterIP, NodePort 또는 LoadBalancer)를 통해 포트를 노출하십시오.

# PAL-K8S-007
k8s-pss-apparmor = Pod Security Standards(baseline): AppArmor 프로필이 재정의됨
    .description = Pod Security Standards 프로필: **baseline**. 컨테이너 런타임의 기본 AppArmor 프로필은 민감한 커널 인터페이스에 대한 쓰기와 마운트를 차단하며, `Unconfined`는 이 보호를 제거합니다.
    .remediation = `appArmorProfile`을 설정하지 않거나 `type: RuntimeDefault`(또는 직접 관리하는 프로필과 함께 `Localhost`)로 설정하십시오. 레거시 어노테이션에는 `runtime/default` 또는 `localhost/<profile>`을 사용하십시오.

# PAL-K8S-008
k8s-pss-selinux = Pod Security Standards(baseline): 사용자 지정 SELinux 유형, 사용자 또는 역할
    .description = Pod Security Standards 프로필: **baseline**. SELinux 유형은 컨테이너 프로세스가 노드에서 접근할 수 있는 대상을 제한합니다. `spc_t`(super-privileged container)와 같은 사용자 지정 유형이나 사용자 지정 사용자 또는 역할은 이 제한을 해제합니다.
    .remediation = `seLinuxOptions.user`와 `seLinuxOptions.role`을 제거하고, `type`은 설정하지 않거나 `container_t`, `container_init_t`, `container_kvm_t` 또는 `container_engine_t`를 사용하십시오.

# PAL-K8S-009
k8s-pss-proc-mount = Pod Security Standards(baseline): 마스킹되지 않은 /proc 마운트
    .description = Pod Security Standards 프로필: **baseline**. 기본 /proc 마운트는 노드 정보를 유출하거나 커널 설정 변경을 허용하는 커널 경로를 숨기거나 읽기 전용으로 만들며, `Unmasked`는 이를 컨테이너에 노출합니다.
    .remediation = `securityContext.procMount`를 제거하거나 `Default`로 설정하십시오.

# PAL-K8S-010
k8s-pss-seccomp-baseline = Pod Security Standards(baseline): seccomp가 명시적으로 Unconfined임
    .description = Pod Security Standards 프로필: **baseline**. Seccomp는 컨테이너가 호출할 수 있는 시스템 호출을 필터링합니다. 런타임의 기본 프로필은 대부분의 커널 익스플로잇이 의존하는, 거의 필요 없는 호출을 차단합니다. `Unconfined`는 이 필터를 끕니다.
    .remediation = `Unconfined` 대신 `seccompProfile.type: RuntimeDefault`(또는 직접 관리하는 프로필과 함께 `Localhost`)를 설정하십시오.

# PAL-K8S-011
k8s-pss-sysctls = Pod Security Standards(baseline): 안전하지 않은 sysctl
    .description = Pod Security Standards 프로필: **baseline**. 안전한 집합 외의 sysctl은 파드별로 격리되지 않으며, 노드 전체의 커널을 변경하여 노드의 다른 모든 워크로드에 영향을 줍니다.
    .remediation = `securityContext.sysctls`에서 해당 sysctl을 제거하십시오. 네임스페이스 단위로 격리되는 집합(`kernel.shm_rmid_forced`, `net.ipv4.ip_local_port_range`, `net.ipv4.ip_unprivileged_port_start`, `net.ipv4.tcp_syncookies`, `net.ipv4.ping_group_range`, `net.ipv4.ip_local_reserved_ports`, `net.ipv4.tcp_keepalive_*`, `tcp_fin_timeout`, `tcp_rmem`, `tcp_wmem` 설정)만 허용됩니다.

# PAL-K8S-012
k8s-pss-volume-types = Pod Security Standards(restricted): 허용되지 않는 볼륨 유형
    .description = Pod Security Standards 프로필: **restricted**. `nfs`, `iscsi`, `rbd`, `gitRepo`와 같은 인라인 볼륨 소스를 사용하면 파드 작성자가 관리자가 통제하는 PersistentVolume 객체를 거치지 않고 스토리지에 직접 접근할 수 있습니다. (`hostPath` 볼륨은 baseline 제어가 보고합니다.)
    .remediation = `configMap`, `csi`, `downwardAPI`, `emptyDir`, `ephemeral`, `persistentVolumeClaim`, `projected`, `secret` 볼륨만 사용하고, 그 밖의 스토리지는 PersistentVolumeClaim을 통해 접근하십시오.

# PAL-K8S-013
k8s-pss-privilege-escalation = Pod Security Standards(restricted): 권한 상승이 비활성화되지 않음
    .description = Pod Security Standards 프로필: **restricted**. `allowPrivilegeEscalation`이 `false`가 아니면 프로세스가 setuid 바이너리나 파일 케이퍼빌리티를 통해 부모 프로세스보다 더 많은 권한을 얻을 수 있습니다. 이 필드의 기본값은 권한 상승 허용입니다. Windows 파드는 예외입니다.
    .remediation = 모든 컨테이너, 초기화 컨테이너, 임시 컨테이너에 `securityContext.allowPrivilegeEscalation: false`를 설정하십시오.

# PAL-K8S-014
k8s-pss-run-as-non-root = Pod Security Standards(restricted): 컨테이너가 root로 실행될 수 있음
    .description = Pod Security Standards 프로필: **restricted**. `runAsNonRoot: true`이면 kubelet은 사용자가 root가 되는 컨테이너의 시작을 거부합니다. 컨테이너 수준 값은 파드 수준 값보다 우선하므로, 파드가 `true`로 설정해도 `false`로 설정한 컨테이너는 이 제어를 위반합니다.
    .remediation = 파드 사양(또는 모든 컨테이너)에 `securityContext.runAsNonRoot: true`를 설정하고 root가 아닌 `USER`로 이미지를 빌드하십시오.

# PAL-K8S-015
k8s-pss-run-as-user = Pod Security Standards(restricted): 사용자 ID 0으로 실행됨
    .description = Pod Security Standards 프로필: **restricted**. `runAsUser: 0`은 프로세스를 root로 실행하며, 사용자 네임스페이스를 사용하지 않는 한 노드에서도 root입니다.
    .remediation = `runAsUser`를 0이 아닌 사용자 ID(예: `10001`)로 설정하거나, 이를 제거하고 `runAsNonRoot: true`와 함께 이미지의 root가 아닌 사용자에 의존하십시오.

# PAL-K8S-016
k8s-pss-seccomp-restricted = Pod Security Standards(restricted): seccomp 프로필이 설정되지 않음
    .description = Pod Security Standards 프로필: **restricted**. restricted 프로필은 파드 수준 또는 모든 컨테이너에 명시적인 seccomp 프로필(`RuntimeDefault` 또는 `Localhost`)을 요구합니다. 프로필이 없으면 대부분의 런타임은 컨테이너를 제한 없이 실행합니다. (명시적인 `Unconfined`는 baseline 제어가 보고합니다.) Windows 파드는 예외입니다.
    .remediation = 파드 사양에 `securityContext.seccompProfile.type: RuntimeDefault`를 설정하거나(모든 컨테이너에 적용됩니다), 직접 관리하는 프로필과 함께 `Localhost`를 설정하십시오.

# PAL-K8S-017
k8s-pss-capabilities-restricted = Pod Security Standards(restricted): 케이퍼빌리티가 제거되지 않음
    .description = Pod Security Standards 프로필: **restricted**. 컨테이너는 기본 케이퍼빌리티 집합(CHOWN, DAC_OVERRIDE, SETUID, NET_RAW, ...)을 가지고 시작합니다. restricted 프로필은 이를 모두 제거하도록 요구하며 NET_BIND_SERVICE만 다시 추가하도록 허용합니다. (baseline 허용 목록 외의 케이퍼빌리티는 baseline 제어가 보고합니다.) Windows 파드는 예외입니다.
    .remediation = 모든 컨테이너에 `securityContext.capabilities.drop: ["ALL"]`을 설정하고, 프로세스가 1024 미만의 포트에 바인딩하는 경우에만 `NET_BIND_SERVICE`를 다시 추가하십시오.

# PAL-K8S-018
k8s-namespace-pss-enforce = 네임스페이스가 restricted Pod Security Standard를 강제하지 않음
    .description = Pod Security 어드미션은 네임스페이스에서 생성되는 모든 파드를 `pod-security.kubernetes.io/enforce` 레이블의 수준과 대조하여 위반하는 파드를 거부합니다. 레이블이 없으면(또는 `privileged`이면) 아무것도 강제되지 않으며, `baseline`은 여전히 기본 케이퍼빌리티를 가진 root 실행과 seccomp 프로필 없는 실행을 허용합니다.
    .remediation = 네임스페이스에 `pod-security.kubernetes.io/enforce: restricted` 레이블을 지정하십시오(`audit`과 `warn`에도 동일하게). 워크로드에 실제로 더 많은 권한이 필요한 경우에만 해당 네임스페이스에 한해 `baseline`을 사용하십시오.

# PAL-K8S-019
k8s-pss-admission-rejects = 워크로드가 네임스페이스에서 강제하는 Pod Security 수준을 위반함
    .description = 워크로드의 네임스페이스가 스캔한 매니페스트에 있고 `baseline` 또는 `restricted`를 강제하면, Pod Security 어드미션이 해당 파드를 거부합니다. Pod는 생성 시 거부되고, 컨트롤러의 파드는 시작되지 않습니다. 결과에는 위반한 모든 제어가 나열되며, 네임스페이스 레이블은 관련 위치로 표시됩니다.
    .remediation = 파드 템플릿에서 나열된 제어를 수정하거나(각 제어의 규칙 참조), 워크로드를 충족할 수 있는 수준의 네임스페이스로 옮기십시오.

# PAL-K8S-020
k8s-read-only-root-filesystem = 컨테이너 루트 파일 시스템에 쓰기가 가능함
    .description = 읽기 전용 루트 파일 시스템은 코드 실행 권한을 얻은 공격자가 도구를 설치하거나, 바이너리를 변경하거나, 컨테이너 파일 시스템에 지속성을 확보하는 것을 막고, 컨테이너의 동작이 이미지와 일치하도록 합니다.
    .remediation = 컨테이너에 `securityContext.readOnlyRootFilesystem: true`를 설정하고, 애플리케이션이 써야 하는 위치(예: `/tmp`)에는 `emptyDir` 볼륨을 마운트하십시오.

# PAL-K8S-021
k8s-host-users = 파드가 사용자 네임스페이스를 사용하지 않음(hostUsers가 false가 아님)
    .description = `hostUsers: false`이면 파드가 자체 사용자 네임스페이스를 가집니다. root를 포함한 컨테이너 내부의 사용자 ID가 노드의 비권한 ID에 매핑되므로, 컨테이너를 탈출한 프로세스는 노드에서 아무 권한도 없는 사용자가 됩니다. 기본값은 노드의 사용자 네임스페이스를 공유합니다. Windows 파드는 예외입니다. 심각도 정보(info)로 보고합니다. 사용자 네임스페이스에는 대부분의 클러스터가 아직 갖추지 못한 노드 지원이 필요하므로 기본값을 유지하는 것은 누락이라기보다 일반적인 상황이며, 이 결과는 보안 강화 권고입니다.
    .remediation = 파드 사양에 `hostUsers: false`를 설정하십시오(커널과 컨테이너 런타임이 사용자 네임스페이스를 지원하는 Linux 노드가 필요합니다).

# PAL-K8S-022
k8s-image-tag = 컨테이너 이미지에 태그가 없거나 `latest`를 사용함
    .description = `latest` 또는 태그 없음(`latest`를 의미)은 마지막으로 푸시된 이미지를 가리킵니다. 같은 파드에 대해 두 노드가 서로 다른 코드를 실행할 수 있고, 롤백해도 이전 상태로 돌아가지 않으며, 침해되었거나 잘못된 푸시가 아무 경고 없이 반영됩니다.
    .remediation = 변경 불가능한 버전 태그(`nginx:1.27.3`)로, 더 좋게는 다이제스트(`nginx@sha256:...`)로 이미지를 참조하고, 의도적으로 업데이트하십시오.

# PAL-K8S-023
k8s-image-digest = 컨테이너 이미지가 다이제스트가 아닌 태그로 고정됨
    .description = 태그는 리포지토리에 푸시할 수 있는 누구나 다른 이미지로 옮길 수 있지만, 다이제스트는 정확히 하나의 이미지를 가리킵니다. 다이제스트로 고정하면 배포를 재현할 수 있고 서명 검증이 실제로 실행되는 이미지를 가리킬 수 있습니다. (`latest`와 태그 없는 이미지는 `k8s-image-tag`가 보고합니다.)
    .remediation = 이미지 다이제스트를 덧붙이십시오(`image: nginx:1.27.3@sha256:<digest>`). Renovate나 `crane digest` 같은 도구로 다이제스트를 최신 상태로 유지할 수 있습니다.

# PAL-K8S-024
k8s-resources = 컨테이너에 CPU/메모리 요청 또는 메모리 제한이 없음
    .description = 요청이 없으면 스케줄러가 파드를 적절히 배치할 수 없고 파드가 가장 먼저 축출됩니다. 메모리 제한이 없으면 침해되었거나 폭주하는 컨테이너 하나가 노드의 메모리를 소진시켜 이웃 파드까지 중단시킬 수 있습니다. 임시 컨테이너는 리소스를 설정할 수 없으므로 검사하지 않습니다.
    .remediation = 모든 컨테이너와 초기화 컨테이너에 `resources.requests.cpu`, `resources.requests.memory`, `resources.limits.memory`를 설정하십시오(LimitRange로 네임스페이스별 기본값을 제공할 수 있습니다).

# PAL-K8S-025
k8s-automount-service-account-token = 서비스 계정 토큰이 파드에 마운트됨
    .description = 기본적으로 모든 파드에는 서비스 계정의 토큰이 `/var/run/secrets/kubernetes.io/serviceaccount`에 마운트됩니다. 어느 컨테이너에서든 코드 실행 권한을 얻은 사람은 이 토큰으로 해당 계정의 권한을 가지고 API 서버에 접근할 수 있습니다. 파드 수준 설정이 ServiceAccount의 설정보다 우선합니다. 파드가 이 설정을 지정하지 않고 스캔한 매니페스트에 없는 이름 있는 ServiceAccount를 사용하면 설정을 알 수 없으므로 보고하지 않습니다. 기본값인 경우만 보고합니다. `automountServiceAccountToken: true`를 설정한 파드는 토큰이 필요하다고 결정한 것이므로(컨트롤러와 오퍼레이터는 API를 호출합니다), 이는 누락이 아니라 RBAC와 함께 검토해야 할 선택입니다.
    .remediation = 애플리케이션이 Kubernetes API를 호출하지 않는다면 파드 사양(또는 해당 ServiceAccount)에 `automountServiceAccountToken: false`를 설정하십시오. API를 호출한다면 최소 권한의 Role을 가진 전용 ServiceAccount를 부여하십시오.

# PAL-K8S-026
k8s-env-secret-literal = 시크릿이 환경 변수 값에 리터럴로 작성됨
    .description = `env` 값은 매니페스트의 일부입니다. 버전 관리 시스템에 커밋되고, `kubectl describe`로 표시되며, 객체에 암호화되지 않은 상태로 저장되고, 워크로드를 읽을 수 있는 누구나 읽을 수 있습니다. 값은 CloudFormation 속성과 동일한 탐지기로 판단합니다: AWS 키, 프라이빗 키, 암호가 포함된 URL, 그리고 `PASSWORD`나 `API_TOKEN` 같은 이름 아래의 그럴듯한 리터럴입니다.
    .remediation = 값을 Secret(또는 Secrets Store CSI 드라이버나 External Secrets와 함께 사용하는 AWS Secrets Manager 같은 외부 저장소)에 저장하고 `valueFrom.secretKeyRef`로 참조하십시오. 노출된 자격 증명은 교체하십시오.

# PAL-K8S-027
k8s-image-registry = 컨테이너 이미지가 허용된 레지스트리에서 오지 않음
    .description = `--allowed-registry`(여러 번 지정 가능: 레지스트리 호스트, 선택적으로 `ghcr.io/my-org`와 같은 경로 접두사 포함)를 사용하면 모든 이미지가 나열된 레지스트리 중 하나에서 와야 합니다. 이 옵션이 없으면 레지스트리를 지정하지 않은 이미지를 보고합니다. 이러한 이미지는 누구나 퍼블릭 리포지토리에 게시할 수 있는 Docker Hub에서 가져오며, 이름 확인이 노드의 런타임 구성에 따라 달라집니다.
    .remediation = 직접 관리하는 레지스트리(예: 푸시 시 스캔과 변경 불가능한 태그를 사용하는 Amazon ECR)에서 이미지를 가져오고 이미지에 레지스트리를 명시하십시오(`123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:1.4.2`). `palisade scan --allowed-registry`로 사용하는 레지스트리를 나열하십시오.

# PAL-K8S-028
k8s-secret-in-manifest = Secret 매니페스트에 값이 포함됨
    .description = Secret의 `data`는 base64로 인코딩되었을 뿐 암호화되지 않습니다. 값이 포함된 Secret 매니페스트는 자격 증명을 버전 관리 시스템, CI 로그, 리포지토리를 체크아웃하는 모든 머신에 남깁니다. 빈 값과 템플릿 표현식은 보고하지 않습니다.
    .remediation = 시크릿 값을 매니페스트에 두지 마십시오. 외부 저장소(External Secrets Operator 또는 AWS Secrets Manager와 함께 사용하는 Secrets Store CSI 드라이버)에서 Secret을 생성하거나, 암호화하여 커밋하십시오(Sealed Secrets, SOPS). 커밋된 값은 교체하십시오.

# PAL-K8S-029
k8s-configmap-secret = ConfigMap에 시크릿이 포함됨
    .description = ConfigMap은 기밀이 아닌 구성을 위한 것입니다. RBAC에서는 일반적으로 Secret보다 훨씬 많은 사람과 워크로드가 ConfigMap을 읽을 수 있으며, ConfigMap은 저장 시 암호화되지 않습니다. 값은 환경 변수와 동일한 탐지기로 판단합니다: AWS 키, 프라이빗 키, 암호가 포함된 URL, 그리고 `password`나 `api_token` 같은 이름 아래의 그럴듯한 리터럴입니다.
    .remediation = 값을 Secret(외부 저장소에서 생성)으로 옮기고 파드에서 `secretKeyRef` 또는 시크릿 볼륨으로 참조하십시오. 노출된 자격 증명은 교체하십시오.

# PAL-K8S-030
k8s-netpol-default-deny-ingress = 워크로드가 있는 네임스페이스에 기본 거부 인그레스 NetworkPolicy가 없음
    .description = Kubernetes는 어떤 NetworkPolicy가 파드를 선택하기 전까지 해당 파드로 향하는 모든 트래픽을 허용합니다. 기본 거부 정책(모든 파드를 선택하고 아무것도 허용하지 않음)은 이를 뒤집어, 정책이 명시적으로 허용한 흐름만 통과시키므로 침해된 파드가 네임스페이스의 다른 모든 파드에 접근할 수 없습니다. 결과는 Namespace 객체가 스캔한 매니페스트에 있으면 그 객체에, 그렇지 않으면 네임스페이스의 첫 번째 워크로드에 보고됩니다.
    .remediation = 네임스페이스에 `podSelector: {"{"}{"}"}`, `policyTypes: [Ingress]`를 지정하고 `ingress` 규칙이 없는 NetworkPolicy를 추가한 다음, 각 워크로드에 필요한 흐름을 더 좁은 정책으로 허용하십시오.

# PAL-K8S-031
k8s-netpol-default-deny-egress = 워크로드가 있는 네임스페이스에 기본 거부 이그레스 NetworkPolicy가 없음
    .description = 기본 거부 이그레스 정책이 없으면 모든 파드가 다른 네임스페이스, 클라우드 메타데이터 엔드포인트, 데이터 유출을 위한 인터넷 등 어디로든 연결을 열 수 있습니다. 기본 거부 이그레스 정책은 모든 아웃바운드 흐름을 명시적인 결정으로 만듭니다.
    .remediation = 네임스페이스에 `podSelector: {"{"}{"}"}`, `policyTypes: [Egress]`를 지정하고 `egress` 규칙이 없는 NetworkPolicy를 추가한 다음, DNS와 각 워크로드에 필요한 대상을 더 좁은 정책으로 허용하십시오.

# PAL-K8S-032
k8s-netpol-unselected-workload = 어떤 NetworkPolicy도 워크로드를 선택하지 않음
    .description = NetworkPolicy가 있는 네임스페이스에서 어떤 정책도 선택하지 않는 파드는 전혀 격리되지 않으며, 해당 파드와 주고받는 모든 연결이 허용됩니다. 대개 레이블이 변경되었거나 정책을 빠뜨렸다는 뜻입니다. (네임스페이스에 정책이 전혀 없으면 기본 거부 규칙이 네임스페이스에 대해 한 번 보고합니다.)
    .remediation = 정책이 선택하도록 파드 템플릿에 레이블을 지정하거나, 해당 파드에 대한 정책을 추가하십시오(네임스페이스 전체에 적용되는 기본 거부 정책은 모든 파드를 선택합니다).

# PAL-K8S-033
k8s-netpol-selects-nothing = NetworkPolicy가 스캔한 매니페스트의 어떤 워크로드도 선택하지 않음
    .description = podSelector가 네임스페이스의 어떤 워크로드와도 일치하지 않는 정책은 아무것도 보호하지 않습니다. 대개 한쪽에서만 레이블 이름이 변경된 경우입니다. 스캔한 매니페스트에 워크로드가 있는 네임스페이스에 대해서만 검사합니다. 오퍼레이터가 사용자 지정 리소스로부터 생성하는 파드도 포함됩니다. Prometheus 오퍼레이터의 파드(Prometheus, Alertmanager, ThanosRuler)는 `spec.podMetadata.labels`와 오퍼레이터 자체의 레이블을 가지며, 네임스페이스의 그 밖의 사용자 지정 리소스는 파드의 레이블을 알 수 없으므로 어떤 워크로드와도 일치하지 않는 정책을 보고하지 않습니다.
    .remediation = 정책의 `podSelector`가 보호하려는 파드 템플릿의 레이블과 일치하도록 하십시오(또는 정책을 제거하십시오).

# PAL-K8S-040
k8s-rbac-wildcard = Role이 와일드카드 동사, 리소스 또는 API 그룹을 부여함
    .description = `verbs`, `resources` 또는 `apiGroups`의 `*`는 `escalate`, `bind`, `impersonate`, 시크릿, 모든 사용자 지정 리소스를 포함하여 어떤 워크로드나 사람에게 필요한 것보다 훨씬 많은 권한을 부여하며, 클러스터가 커질수록 계속 늘어납니다.
    .remediation = 주체에게 필요한 API 그룹, 리소스, 동사를 명시적으로 나열하십시오(`configmaps`에 대한 `get`, `list`, `watch`, ...). 와일드카드는 향후 Kubernetes 버전과 CRD가 추가하는 모든 리소스와 동사도 부여합니다.

# PAL-K8S-041
k8s-rbac-escalation-verbs = Role이 escalate, bind 또는 impersonate를 부여함
    .description = `escalate`는 주체가 자신에게 없는 권한을 가진 역할을 생성하거나 편집할 수 있게 하고, `bind`는 어떤 역할이든(cluster-admin 포함) 자신에게 바인딩할 수 있게 하며, `impersonate`는 어떤 사용자, 그룹 또는 서비스 계정으로도 행동할 수 있게 합니다. 각각이 cluster-admin으로 가는 직접적인 경로입니다.
    .remediation = `escalate`, `bind`, `impersonate` 동사를 제거하고, 이를 명시적으로 바인딩된 클러스터 관리자에게만 허용하십시오.

# PAL-K8S-042
k8s-rbac-secrets-read = ClusterRole이 클러스터 전체의 시크릿을 읽을 수 있음
    .description = 코어 API 그룹의 `secrets`에 대해 `get`, `list` 또는 `watch`를 가지고 클러스터 전체에 바인딩된 ClusterRole은 모든 네임스페이스의 모든 시크릿(서비스 계정 토큰, TLS 키, 데이터베이스 암호)을 읽습니다. 모든 리소스에 대한 규칙(`resources: ["*"]`)도 시크릿을 읽습니다. `resourceNames`로 제한된 규칙은 보고하지 않습니다.
    .remediation = 시크릿에 대한 액세스는 네임스페이스 범위의 Role로 부여하고, `resourceNames`로 주체에게 필요한 시크릿만으로 제한하십시오. 모든 시크릿의 내용을 반환하는 `list`와 `watch`는 피하십시오.

# PAL-K8S-043
k8s-rbac-pods-exec = Role이 파드에 대한 exec를 허용함
    .description = `pods/exec`에 대한 `create`는 선택된 모든 파드에서 해당 파드의 서비스 계정 토큰, 마운트된 시크릿, 네트워크 위치를 가지고 임의의 명령을 실행합니다. 즉 Role이 적용되는 모든 워크로드에서의 코드 실행입니다.
    .remediation = 워크로드와 일상 사용자에게 바인딩된 Role에서 `pods/exec`(및 `pods/attach` 또는 `pods/*`)에 대한 `create`를 제거하십시오. 디버깅에 필요한 경우 비상 액세스(break-glass) 역할을 통해 임시로 부여하십시오.

# PAL-K8S-044
k8s-rbac-cluster-admin-binding = cluster-admin이 서비스 계정 또는 모든 사용자에게 바인딩됨
    .description = `cluster-admin`은 클러스터의 모든 객체에 대해 무엇이든 할 수 있습니다. 서비스 계정에 바인딩되면 그 계정을 사용하는 파드 하나가 침해되어도 클러스터 전체가 장악됩니다. `system:authenticated`에 바인딩되면 클러스터가 인정하는 모든 ID(EKS에서는 클러스터에 매핑된 모든 IAM 보안 주체)에 부여되며, `system:unauthenticated`/`system:anonymous`에 바인딩되면 API 서버에 접근할 수 있는 누구에게나 부여됩니다.
    .remediation = 워크로드에 필요한 권한만 가진 Role을 바인딩하십시오. `cluster-admin`을 `system:authenticated`, `system:unauthenticated` 또는 `system:anonymous`에 절대 바인딩하지 마십시오.
